// Cases of ordinary .NET code, each printing lines that do not depend on timing, thread ids or
// the machine: the same binary must print the same lines on Linux and as an HRT. Run all cases
// (no arguments) or those whose names contain an argument.
using System.Runtime.CompilerServices;

var cases = new (string Name, Action Run)[]
{
    ("gc.pressure", Cases.GcPressure),
    ("gc.threads", Cases.GcThreads),
    ("gc.finalizers", Cases.GcFinalizers),
    ("gc.weak", Cases.GcWeakReferences),
    ("exceptions.frames", Cases.ExceptionsAcrossFrames),
    ("exceptions.finally", Cases.ExceptionsFinally),
    ("exceptions.filters", Cases.ExceptionsFilters),
    ("exceptions.rethrow", Cases.ExceptionsRethrow),
    ("exceptions.nullref", Cases.NullReference),
    ("exceptions.divide", Cases.DivideByZero),
    ("exceptions.overflow", Cases.Overflow),
    ("exceptions.tasks", Cases.ExceptionsFromTasks),
    ("exceptions.stackoverflow-guard", Cases.DeepRecursion),
    ("threads.taskrun", Cases.TaskRunThousand),
    ("threads.parallelfor", Cases.ParallelForEveryCpu),
    ("threads.monitor", Cases.MonitorWaitPulse),
    ("threads.semaphoreslim", Cases.SemaphoreSlimPingPong),
    ("threads.barrier", Cases.BarrierPhases),
    ("threads.timers", Cases.Timers),
    ("threads.sleep", Cases.Sleep),
    ("threads.threadstatic", Cases.ThreadStatics),
    ("threads.async", Cases.AsyncAwait),
    ("bcl.linq", Cases.Linq),
    ("bcl.collections", Cases.Collections),
    ("bcl.formatting", Cases.Formatting),
    ("bcl.math", Cases.MathFunctions),
    ("bcl.strings", Cases.Strings),
    ("bcl.environment", Cases.EnvironmentBasics),
    ("unsupported.process", Cases.UnsupportedProcess),
    ("unsupported.files", Cases.UnsupportedFiles),
};

int failed = 0;
foreach (var (name, run) in cases)
{
    if (args.Length > 0 && !args.Any(a => name.Contains(a, StringComparison.Ordinal))) continue;
    Console.WriteLine($"== {name}");
    try { run(); }
    catch (Exception e) { failed++; Console.WriteLine($"!! {name} threw {e.GetType().Name}: {e.Message}"); }
}
Console.WriteLine($"== done, {failed} case(s) threw");
return failed == 0 ? 0 : 1;

static class Cases
{
    // GC: allocate far more than the machine has (20× a 64 MiB budget) in short-lived chunks,
    // keeping a small live set; the heap must come back near where it started.
    public static void GcPressure()
    {
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        long before = GC.GetTotalMemory(true);
        var keep = new List<byte[]>();
        long allocated = 0;
        for (int i = 0; allocated < 20L * 64 * 1024 * 1024; i++)
        {
            var chunk = new byte[64 * 1024 + (i % 7) * 1024];
            chunk[0] = (byte)i;
            allocated += chunk.Length;
            if (i % 1000 == 0) keep.Add(chunk);
        }
        int gen0 = GC.CollectionCount(0);
        keep.Clear();
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        long after = GC.GetTotalMemory(true);
        Console.WriteLine($"allocated {allocated >> 20} MiB, collections happened: {gen0 > 0}");
        Console.WriteLine($"heap back near its start: {after - before < 8 * 1024 * 1024}");
    }

    public static void GcThreads()
    {
        var threads = new Thread[Math.Max(2, Environment.ProcessorCount)];
        long total = 0;
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                long sum = 0;
                for (int i = 0; i < 200_000; i++)
                {
                    var s = new string('x', 16 + i % 64);
                    var list = new List<int>(i % 32) { i };
                    sum += s.Length + list.Count;
                }
                Interlocked.Add(ref total, sum);
            });
            threads[t].Start();
        }
        foreach (var t in threads) t.Join();
        Console.WriteLine($"threads allocated and summed: {total == threads.Length * Expected()}");
        static long Expected() { long s = 0; for (int i = 0; i < 200_000; i++) s += 16 + i % 64 + 1; return s; }
    }

    private sealed class Finalizable { public static int Finalized; ~Finalizable() => Interlocked.Increment(ref Finalized); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakeGarbage() { for (int i = 0; i < 1000; i++) _ = new Finalizable(); }

    public static void GcFinalizers()
    {
        MakeGarbage();
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        Console.WriteLine($"finalizers ran: {Finalizable.Finalized >= 900}");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference MakeWeak() => new WeakReference(new object());

    public static void GcWeakReferences()
    {
        var weak = MakeWeak();
        var strong = new object();
        var weak2 = new WeakReference(strong);
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        Console.WriteLine($"collected weak target: {!weak.IsAlive}, kept strong target: {weak2.IsAlive}");
        GC.KeepAlive(strong);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] private static int Level(int n) => n == 0 ? throw new InvalidOperationException("deep") : Level(n - 1) + 1;

    public static void ExceptionsAcrossFrames()
    {
        try { Level(50); }
        catch (InvalidOperationException e) { Console.WriteLine($"caught {e.Message} across 50 frames, trace has frames: {e.StackTrace != null}"); }
        try { throw new ArgumentOutOfRangeException("x", 5, "bad"); }
        catch (ArgumentException e) { Console.WriteLine($"caught by base type: {e.GetType().Name} {((ArgumentOutOfRangeException)e).ActualValue}"); }
    }

    public static void ExceptionsFinally()
    {
        var log = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            try
            {
                try { if (i == 1) throw new Exception("one"); if (i == 2) break; log.Add($"body{i}"); }
                finally { log.Add($"finally{i}"); }
            }
            catch (Exception e) { log.Add($"caught {e.Message}"); }
        }
        int F() { try { return 1; } finally { log.Add("finally on return"); } }
        log.Add($"F={F()}");
        using (var d = new Disposable(log)) { try { throw new Exception("in using"); } catch { } }
        Console.WriteLine(string.Join(", ", log));
    }

    private sealed class Disposable(List<string> log) : IDisposable { public void Dispose() => log.Add("disposed"); }

    public static void ExceptionsFilters()
    {
        int evaluated = 0;
        try
        {
            try { throw new InvalidOperationException("filtered"); }
            catch (InvalidOperationException e) when (++evaluated > 0 && e.Message == "other") { Console.WriteLine("wrong handler"); }
        }
        catch (InvalidOperationException e) when (e.Message == "filtered") { Console.WriteLine($"filter chose the outer handler after {evaluated} evaluation(s)"); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)] private static void Thrower() => throw new NotSupportedException("original");

    public static void ExceptionsRethrow()
    {
        try
        {
            try { Thrower(); }
            catch (NotSupportedException) { throw; }
        }
        catch (NotSupportedException e) { Console.WriteLine($"rethrown keeps origin: {e.StackTrace?.Contains("Thrower") ?? false}"); }
        try { try { Thrower(); } catch (Exception e) { throw new AggregateException("wrapped", e); } }
        catch (AggregateException e) { Console.WriteLine($"inner: {e.InnerException?.Message}"); }
    }

    private sealed class Node { public int Value = 1; }

    [MethodImpl(MethodImplOptions.NoInlining)] private static int Read(Node? n) => n!.Value;

    public static void NullReference()
    {
        try { Read(null); }
        catch (NullReferenceException) { Console.WriteLine("null dereference became NullReferenceException"); }
        try { string? s = null; _ = s!.Length; }
        catch (NullReferenceException) { Console.WriteLine("null string length too"); }
        int[]? a = null;
        try { a![0] = 1; } catch (NullReferenceException) { Console.WriteLine("null array store too"); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)] private static int Divide(int a, int b) => a / b;
    [MethodImpl(MethodImplOptions.NoInlining)] private static long DivideLong(long a, long b) => a % b;

    public static void DivideByZero()
    {
        try { Divide(1, 0); } catch (DivideByZeroException) { Console.WriteLine("int division by zero"); }
        try { DivideLong(1, 0); } catch (DivideByZeroException) { Console.WriteLine("long remainder by zero"); }
        Console.WriteLine($"double division by zero: {1.0 / Zero()}");
        static double Zero() => 0.0;
    }

    public static void Overflow()
    {
        try { Divide(int.MinValue, -1); } catch (OverflowException) { Console.WriteLine("int.MinValue / -1 overflows"); }
        try { checked { int x = int.MaxValue; x++; } } catch (OverflowException) { Console.WriteLine("checked increment overflows"); }
        try { _ = checked((byte)Big()); } catch (OverflowException) { Console.WriteLine("checked narrowing overflows"); }
        static int Big() => 300;
    }

    public static void ExceptionsFromTasks()
    {
        var t = Task.Run(() => { throw new InvalidOperationException("from a task"); });
        try { t.Wait(); } catch (AggregateException e) { Console.WriteLine($"task fault: {e.InnerException?.Message}"); }
        async Task<int> Fails() { await Task.Yield(); throw new FormatException("async"); }
        try { Fails().GetAwaiter().GetResult(); } catch (FormatException e) { Console.WriteLine($"awaited fault: {e.Message}"); }
        var all = Task.WhenAll(Task.Run(() => throw new Exception("a")), Task.Run(() => throw new Exception("b")));
        try { all.Wait(); } catch (AggregateException e) { Console.WriteLine($"WhenAll faults: {e.InnerExceptions.Count}"); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)] private static int Recurse(int n) => n == 0 ? 0 : Recurse(n - 1) + 1;

    public static void DeepRecursion() => Console.WriteLine($"recursion 20000 deep: {Recurse(20000)}");

    public static void TaskRunThousand()
    {
        var tasks = new Task<int>[1000];
        for (int i = 0; i < tasks.Length; i++) { int k = i; tasks[i] = Task.Run(() => k * 2); }
        Task.WaitAll(tasks);
        Console.WriteLine($"1000 tasks, sum {tasks.Sum(t => (long)t.Result)}");
    }

    public static void ParallelForEveryCpu()
    {
        long sum = 0;
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        Parallel.For(0, 100_000, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            Interlocked.Add(ref sum, i);
            seen[Thread.CurrentThread.ManagedThreadId] = true;
        });
        Console.WriteLine($"Parallel.For sum {sum}, used at least one thread: {seen.Count >= 1}");
        double[] data = Enumerable.Range(0, 1 << 16).Select(i => (double)i).ToArray();
        double total = data.AsParallel().Sum();
        Console.WriteLine($"PLINQ sum {total}");
    }

    public static void MonitorWaitPulse()
    {
        var gate = new object();
        int turn = 0, rounds = 0;
        var other = new Thread(() =>
        {
            for (int i = 0; i < 1000; i++)
                lock (gate) { while (turn != 1) Monitor.Wait(gate); turn = 0; rounds++; Monitor.Pulse(gate); }
        });
        other.Start();
        for (int i = 0; i < 1000; i++)
            lock (gate) { turn = 1; Monitor.Pulse(gate); while (turn != 0) Monitor.Wait(gate); }
        other.Join();
        Console.WriteLine($"monitor ping-pong rounds: {rounds}");
    }

    public static void SemaphoreSlimPingPong()
    {
        using var ping = new SemaphoreSlim(0);
        using var pong = new SemaphoreSlim(0);
        int count = 0;
        var t = Task.Run(() => { for (int i = 0; i < 2000; i++) { ping.Wait(); count++; pong.Release(); } });
        for (int i = 0; i < 2000; i++) { ping.Release(); pong.Wait(); }
        t.Wait();
        Console.WriteLine($"SemaphoreSlim round trips: {count}");
    }

    public static void BarrierPhases()
    {
        int participants = Math.Max(2, Environment.ProcessorCount);
        long phases = 0;
        using var barrier = new Barrier(participants, b => Interlocked.Increment(ref phases));
        var threads = Enumerable.Range(0, participants).Select(_ => new Thread(() => { for (int i = 0; i < 100; i++) barrier.SignalAndWait(); })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Console.WriteLine($"barrier phases: {phases}");
    }

    public static void Timers()
    {
        using var fired = new CountdownEvent(5);
        using var timer = new System.Threading.Timer(_ => { if (!fired.IsSet) fired.Signal(); }, null, 10, 10);
        Console.WriteLine($"timer fired 5 times: {fired.Wait(10_000)}");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Task.Delay(50).Wait();
        Console.WriteLine($"Task.Delay(50) waited at least 45 ms: {sw.ElapsedMilliseconds >= 45}");
    }

    public static void Sleep()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Thread.Sleep(30);
        Console.WriteLine($"Thread.Sleep(30) slept at least 25 ms: {sw.ElapsedMilliseconds >= 25}");
        Thread.Sleep(0);
        Thread.Yield();
        Console.WriteLine("Sleep(0) and Yield return");
    }

    [ThreadStatic] private static int t_value;

    public static void ThreadStatics()
    {
        t_value = 1;
        int seen = -1;
        var t = new Thread(() => { seen = t_value; t_value = 2; });
        t.Start(); t.Join();
        var local = new ThreadLocal<int>(() => 7);
        int other = 0;
        var t2 = new Thread(() => other = local.Value + 1); t2.Start(); t2.Join();
        Console.WriteLine($"thread static fresh on a new thread: {seen}, kept here: {t_value}, ThreadLocal: {local.Value}/{other}");
    }

    public static void AsyncAwait()
    {
        static async Task<int> Chain(int n) { int s = 0; for (int i = 0; i < n; i++) { await Task.Yield(); s += i; } return s; }
        Console.WriteLine($"async chain: {Chain(100).Result}");
        var results = Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () => { await Task.Delay(1); return i; }))).Result;
        Console.WriteLine($"WhenAll of 50 delays: {results.Sum()}");
    }

    public static void Linq()
    {
        var words = "the quick brown fox jumps over the lazy dog".Split(' ');
        var groups = words.GroupBy(w => w.Length).OrderBy(g => g.Key).Select(g => $"{g.Key}:{string.Join("/", g.OrderBy(w => w))}");
        Console.WriteLine(string.Join(" ", groups));
        Console.WriteLine(Enumerable.Range(1, 20).Where(i => i % 3 == 0).Aggregate(1L, (a, b) => a * b));
    }

    public static void Collections()
    {
        var d = new Dictionary<string, int>();
        for (int i = 0; i < 10000; i++) d[$"k{i % 1234}"] = i;
        var sorted = new SortedDictionary<int, string> { [3] = "c", [1] = "a", [2] = "b" };
        var set = new HashSet<int>(Enumerable.Range(0, 100).Select(i => i * i % 17));
        var queue = new PriorityQueue<string, int>();
        queue.Enqueue("low", 5); queue.Enqueue("high", 1);
        Console.WriteLine($"{d.Count} {d["k7"]} {string.Join("", sorted.Values)} {set.Count} {queue.Dequeue()}");
        var cd = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        Parallel.For(0, 1000, i => cd.AddOrUpdate(i % 10, 1, (_, v) => v + 1));
        Console.WriteLine(string.Join(",", cd.OrderBy(p => p.Key).Select(p => p.Value)));
    }

    public static void Formatting()
    {
        Console.WriteLine($"{Math.PI} {1.0 / 3} {0.1 + 0.2} {1e21} {double.MaxValue} {float.Epsilon} {-0.0}");
        Console.WriteLine($"{12345.6789:F2} {12345.6789:N1} {0.000123:E3} {255:X4} {DateTime.UnixEpoch.AddDays(1):yyyy-MM-dd}");
        Console.WriteLine(string.Format("{0,8:F3}|{1,-6}|{2:P1}", 2.5, "ab", 0.256));
        Console.WriteLine(double.Parse("6.02214076e23") + " " + int.Parse("-42") + " " + decimal.Parse("1.50") * 2);
    }

    public static void MathFunctions()
    {
        double[] xs = { 0.5, 1.0, 2.0, 10.0, 1e-10, 123.456, 1e300 };
        foreach (var x in xs)
            Console.WriteLine($"{x:R}: sin {Math.Sin(x):R} cos {Math.Cos(x):R} exp {Math.Exp(Math.Min(x, 700)):R} log {Math.Log(x):R} pow {Math.Pow(x, 1.5):R} atan2 {Math.Atan2(x, 3):R} cbrt {Math.Cbrt(x):R}");
        Console.WriteLine($"{Math.Tanh(0.3):R} {Math.Asin(0.3):R} {Math.Sinh(2):R} {Math.Log10(7):R} {Math.Log2(7):R} {MathF.Sin(1.5f):R} {Math.FusedMultiplyAdd(0.1, 0.2, 0.3):R}");
    }

    public static void Strings()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 100; i++) sb.Append(i).Append(',');
        string s = sb.ToString();
        Console.WriteLine($"{s.Length} {s.IndexOf("50,")} {s.Replace(",", "").Length} {s.ToUpperInvariant().Substring(0, 6)} {string.Join("|", s.Split(',', 4))}");
        Console.WriteLine(System.Text.Encoding.UTF8.GetByteCount("héllo wörld ✓") + " " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("Nacre")));
        Console.WriteLine(new System.Text.Json.Nodes.JsonObject { ["a"] = 1, ["b"] = new System.Text.Json.Nodes.JsonArray(2, 3) }.ToJsonString());
    }

    public static void EnvironmentBasics()
    {
        Console.WriteLine($"processors > 0: {Environment.ProcessorCount > 0}, 64-bit: {Environment.Is64BitProcess}, newline: {Environment.NewLine == "\n"}");
        Console.WriteLine($"tick count moves: {Environment.TickCount64 >= 0}, stopwatch high resolution: {System.Diagnostics.Stopwatch.IsHighResolution}");
        Console.WriteLine($"now is after 2020: {DateTime.UtcNow.Year >= 2020}");
    }

    public static void UnsupportedProcess()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/true") { UseShellExecute = false });
            p!.WaitForExit();
            Console.WriteLine($"started a process, exit code {p.ExitCode}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or PlatformNotSupportedException or InvalidOperationException)
        {
            Console.WriteLine($"process start failed cleanly: {e.GetType().Name}");
        }
    }

    public static void UnsupportedFiles()
    {
        try { File.WriteAllText("/tmp/nacre-world-tests-does-not-matter/x.txt", "x"); Console.WriteLine("wrote a file"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Console.WriteLine($"file write failed cleanly: {e.GetType().Name}"); }
        Console.WriteLine($"missing file exists: {File.Exists("/definitely/not/here")}");
    }
}
