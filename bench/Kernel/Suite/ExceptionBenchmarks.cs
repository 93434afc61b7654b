using System;
using System.Runtime.CompilerServices;

namespace Nacre.Bench
{
    /// <summary>
    /// The cost of an exception: a throw caught 1 or 10 frames up (throw.1, throw.10), and for
    /// reference the same 10-frame call chain under a try that nothing throws through (call.10).
    /// The exception is allocated once (the kernel has no GC; .NET's baseline does the same), so
    /// the samples time dispatch: both passes, the unwinding and the catch funclet.
    /// </summary>
    public static class ExceptionBenchmarks
    {
        private sealed class BenchException : Exception { }

        private static readonly BenchException s_exception = new BenchException();

        public static Result[] ThrowCatch(Config config) => new[]
        {
            Throw(config, "throw.1", 1),
            Throw(config, "throw.10", 10),
            Call(config, "call.10", 10),
        };

        private static Result Throw(Config config, string name, int depth)
        {
            var r = new Result(name, config);
            while (!r.Full)
            {
                Exception caught = null;
                long t0 = Bench.Now;
                try { Down(depth, true); }
                catch (BenchException e) { caught = e; }
                long t1 = Bench.Now;
                if (r.Add(t1 - t0)) r.Expect("the catch received the thrown exception", caught == s_exception);
            }
            return r;
        }

        private static Result Call(Config config, string name, int depth)
        {
            var r = new Result(name, config);
            while (!r.Full)
            {
                int reached = 0;
                long t0 = Bench.Now;
                try { reached = Down(depth, false); }
                catch (BenchException) { reached = -1; }
                long t1 = Bench.Now;
                if (r.Add(t1 - t0)) r.Expect("the calls returned through every frame", reached == depth);
            }
            return r;
        }

        // depth frames: this one and depth - 1 below it; the innermost throws when asked.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Down(int depth, bool fail)
        {
            if (depth == 1)
            {
                if (fail) throw s_exception;
                return 1;
            }
            return Down(depth - 1, fail) + 1;
        }
    }
}
