using Nacre.Cpus;
using Nacre.Runtimes.Parallel;
using Nacre.Sync;
using Nacre.Threads;

/// <summary>
/// Something to look at with `./nacre run samples/timeline --cpus 2 --trace out.json`: a
/// ping-pong between a thread on each CPU (block, wake across CPUs), a few sleeps (timer
/// interrupts), then a parallel Fibonacci on the work-stealing runtime (spawns, steals, tasks).
/// </summary>
public static unsafe class Program
{
    private const int Rounds = 20;
    private static Semaphore s_ping = new Semaphore(0), s_pong = new Semaphore(0);

    private static long Ponger(void* unused)
    {
        for (int i = 0; i < Rounds; i++)
        {
            s_ping.Wait();
            s_pong.Post();
        }
        return Rounds;
    }

    private static long Sleeper(void* ns)
    {
        for (int i = 0; i < 3; i++) Thread.Sleep((ulong)ns);
        return 0;
    }

    private static long Fib(long n)
    {
        if (n < 14) return n < 2 ? n : Fib(n - 1) + Fib(n - 2);
        var left = new Future<long>();
        left.Spawn(&Fib, n - 1);
        long right = Fib(n - 2);
        return left.Get() + right;
    }

    public static int Main(string[] args)
    {
        int last = Cpus.Count - 1;
        Thread* ponger = Thread.Create(&Ponger, null, cpu: last);
        Thread.SetName(ponger, "ponger");
        Thread.Start(ponger);
        for (int i = 0; i < Rounds; i++)
        {
            s_ping.Post();
            s_pong.Wait();
        }
        long pongs = Thread.Join(ponger);

        for (int cpu = 0; cpu < Cpus.Count; cpu++)
        {
            Thread* s = Thread.Create(&Sleeper, (void*)(50_000L * (cpu + 1)), cpu: cpu);
            Thread.SetName(s, "sleeper");
            Thread.Start(s);
        }
        Thread.JoinAllChildren();

        Runtime.Start();
        long fib = Runtime.Run(() => Fib(24));
        System.Console.WriteLine($"timeline: {pongs} round trips, fib(24) = {fib} on {Cpus.Count} CPUs");
        return fib == 46368 && pongs == Rounds ? 0 : 1;
    }
}
