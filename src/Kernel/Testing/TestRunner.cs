using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Diagnostics;

namespace Nacre.Testing
{
    /// <summary>
    /// Runs a test image's tests in order: `RUN name`, then `PASS name`, `FAIL name: message` or
    /// `SKIP name: reason`, and finally `N passed, M failed` (`, K skipped` when some were). An
    /// exception the test does not catch fails it (the runner catches it). A failed assertion or
    /// Assert.Skip abandons its test (each test runs under a RecoveryPoint, which skips the test's
    /// finally blocks) and the run goes on.
    /// </summary>
    public static unsafe class TestRunner
    {
        private static RecoveryPoint s_test;    // armed while a test runs
        private static delegate*<void> s_testMethod;
        private static string s_failure;
        private static string s_skipReason;     // set by Skip: the test neither passed nor failed
        private static string s_remoteFailure;  // the first failure on another CPU during the test
        private static int s_runnerCpu;
        private static Threads.Thread* s_testThread;

        // Exported by every image's generated entry: its test registry, or null when it has no tests.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_app_tests")]
        private static extern TestCase[] AppTests();

        /// <summary>The [Test] methods compiled into this image (empty when it is not a test image).</summary>
        public static TestCase[] ImageTests => AppTests() ?? new TestCase[0];

        /// <summary>args: optional substrings; only tests whose name contains one of them run.</summary>
        public static int Run(TestCase[] tests, string[] args)
        {
            int passed = 0, failed = 0, skipped = 0;
            s_runnerCpu = CurrentCpu;
            PanicHook.Install(&OnFault, &OnException);
            for (int i = 0; i < tests.Length; i++)
            {
                if (!Selected(tests[i].Name, args)) continue;
                Console.WriteLine(string.Concat("RUN ", tests[i].Name));
                string failure = RunOne(tests[i].Method);
                if (failure != null)
                {
                    failed++;
                    Console.WriteLine(string.Concat("FAIL ", tests[i].Name, ": ", failure));
                }
                else if (s_skipReason != null)
                {
                    skipped++;
                    Console.WriteLine(string.Concat("SKIP ", tests[i].Name, ": ", s_skipReason));
                }
                else
                {
                    passed++;
                    Console.WriteLine(string.Concat("PASS ", tests[i].Name));
                }
            }
            Console.WriteLine(skipped == 0 ? $"{passed} passed, {failed} failed" : $"{passed} passed, {failed} failed, {skipped} skipped");
            return failed == 0 ? 0 : 1;
        }

        private static string RunOne(delegate*<void> method)
        {
            s_failure = null;
            s_skipReason = null;
            s_remoteFailure = null;
            s_testThread = Threads.Thread.Current;
            s_testMethod = method;
            fixed (RecoveryPoint* test = &s_test) RecoveryPoint.Run(test, &RunTest);
            System.Threading.Interlocked.MemoryBarrier();
            return s_failure ?? s_remoteFailure;
        }

        /// <summary>The test under its recovery point: an exception it does not catch fails it.</summary>
        private static void RunTest()
        {
            try
            {
                s_testMethod();
            }
            catch (Exception e)
            {
                s_failure = Describe(e);
            }
        }

        private static int CurrentCpu => Nacre.Cpus.Cpus.Count == 0 ? 0 : Nacre.Cpus.Cpus.Current->Index;

        private static bool Selected(string name, string[] filters)
        {
            if (filters == null || filters.Length == 0) return true;
            for (int i = 0; i < filters.Length; i++)
                if (name.Contains(filters[i])) return true;
            return false;
        }

        /// <summary>Fails the running test with message and abandons it. Outside a test, panics.</summary>
        public static void Fail(string message)
        {
            if (!s_test.IsArmed) Panic.Message(string.Concat("assertion failed outside a test: ", message));
            if (CurrentCpu != s_runnerCpu || Threads.Thread.Current != s_testThread)
            {
                // Elsewhere (another thread, work from Cpus.RunOn, a timer callback): record the
                // first failure for the test and abandon that work (ending its thread); the test
                // itself goes on and then fails.
                System.Threading.Interlocked.CompareExchange(ref s_remoteFailure,
                    string.Concat(message ?? "failed", " (on CPU ", CurrentCpu.ToString(), ", thread ",
                        Threads.Thread.Current->Id.ToString(), ")"), null);
                Nacre.Cpus.Cpus.AbandonToIdle();
                Panic.Message(string.Concat("assertion failed on a CPU that cannot abandon its work: ", message));
            }
            s_failure = message ?? "failed";
            fixed (RecoveryPoint* test = &s_test) RecoveryPoint.Abandon(test, 1);
        }

        /// <summary>
        /// Ends the running test as skipped (neither passed nor failed), for a test whose subject
        /// is absent on this machine. Only the test's own thread can skip; elsewhere it is a failure.
        /// </summary>
        public static void Skip(string reason)
        {
            if (!s_test.IsArmed) Panic.Message(string.Concat("Assert.Skip outside a test: ", reason));
            if (CurrentCpu != s_runnerCpu || Threads.Thread.Current != s_testThread)
                Fail(string.Concat("Assert.Skip off the test's own thread: ", reason));
            s_skipReason = reason ?? "skipped";
            fixed (RecoveryPoint* test = &s_test) RecoveryPoint.Abandon(test, 1);
        }

        /// <summary>The panic hook for every CPU fault: inside a test it fails the test; otherwise returns (panic).</summary>
        private static void OnFault(string name, ulong rip, ulong cr2)
        {
            if (!s_test.IsArmed) return;
            byte* symbol = Symbols.Find(rip, out ulong offset);
            string where = symbol == null ? string.Concat("0x", rip.ToString("x"))
                : string.Concat(Symbols.ToString(symbol), "+0x", offset.ToString("x"));
            Fail(string.Concat(name, " at ", where, " (CR2 0x", cr2.ToString("x"), ")"));
        }

        /// <summary>The panic hook for an exception nothing catches (on another thread than the test's): inside a test it fails the test; otherwise returns (panic).</summary>
        private static void OnException(object exception)
        {
            if (!s_test.IsArmed) return;
            Fail(Describe(exception));
        }

        private static string Describe(object exception)
        {
            Exception e = exception as Exception;
            string type = Symbols.TypeName(exception) ?? "exception";
            string text = string.Concat("unhandled ", type, ": ", e != null ? e.Message : "");
            if (e == null || Internal.Runtime.ExceptionStackTrace.Count(e) == 0) return text;
            byte* symbol = Symbols.Find(Internal.Runtime.ExceptionStackTrace.Address(e, 0), out ulong offset);
            return symbol == null ? text : string.Concat(text, " (at ", Symbols.ToString(symbol), "+0x", offset.ToString("x"), ")");
        }
    }
}
