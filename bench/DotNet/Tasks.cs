using Nacre.Host.Bench;

namespace Nacre.Bench.DotNet;

/// <summary>
/// Task.Run → completion, from the main thread (not a thread-pool thread, so Wait cannot run the
/// task inline): "task.run" is Task.Run until Wait returns; "task.start" is Task.Run until the
/// body's first statement on a thread-pool worker. Samples are taken back to back, so workers
/// are warm (spinning or just parked), as in a program that uses tasks steadily.
/// </summary>
public static class Tasks
{
    private static long s_bodyStamp;
    private static bool s_onPool;
    private static readonly Action s_body = () =>
    {
        s_bodyStamp = Tsc.Now;
        s_onPool = Thread.CurrentThread.IsThreadPoolThread;
    };

    public static IEnumerable<Result> RunToCompletion(Options o)
    {
        var run = new Samples(o.Warmup, o.Samples);
        var start = new Samples(o.Warmup, o.Samples);
        int inside = 0, pooled = 0;
        while (run.Count < run.Total)
        {
            s_bodyStamp = 0;
            s_onPool = false;
            var t0 = Tsc.Now;
            Task.Run(s_body).Wait();
            var t1 = Tsc.Now;
            var body = Volatile.Read(ref s_bodyStamp);
            if (run.Warm)
            {
                inside += body >= t0 && body <= t1 ? 1 : 0;
                pooled += s_onPool ? 1 : 0;
            }
            run.Add(t1 - t0);
            start.Add(body - t0);
        }
        var n = o.Samples;
        List<Check> checks = [new("body stamped between Task.Run and Wait's return", inside, n), new("body ran on a thread-pool thread", pooled, n)];
        return
        [
            new Result("task.run", run.Kept, checks, "Task.Run(empty).Wait() from the main thread"),
            new Result("task.start", start.Kept, checks, "Task.Run → the body's first statement on a worker"),
        ];
    }
}
