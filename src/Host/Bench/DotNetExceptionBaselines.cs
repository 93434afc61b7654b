using System.Runtime.CompilerServices;

namespace Nacre.Host.Bench;

/// <summary>
/// .NET's side of the kernel's exception benchmarks (bench/Kernel/Suite/ExceptionBenchmarks.cs),
/// the same code: a preallocated exception thrown 1 or 10 frames below its catch, and the same
/// 10-frame chain under a try with no throw.
/// </summary>
public static class DotNetExceptionBaselines
{
    private sealed class BenchException : Exception { }

    private static readonly BenchException s_exception = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Throw(Recorder r, int depth)
    {
        while (!r.Full)
        {
            Exception? caught = null;
            var t0 = Tsc.Now;
            try { Down(depth, true); }
            catch (BenchException e) { caught = e; }
            var t1 = Tsc.Now;
            if (r.Add(t1 - t0))
                r.Expect("the catch received the thrown exception", ReferenceEquals(caught, s_exception));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Call(Recorder r, int depth)
    {
        while (!r.Full)
        {
            var reached = 0;
            var t0 = Tsc.Now;
            try { reached = Down(depth, false); }
            catch (BenchException) { reached = -1; }
            var t1 = Tsc.Now;
            if (r.Add(t1 - t0))
                r.Expect("the calls returned through every frame", reached == depth);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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
