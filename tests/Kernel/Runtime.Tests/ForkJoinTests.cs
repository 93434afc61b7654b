using System.Threading;
using Nacre.Runtimes.Parallel;
using Nacre.Testing;

public static unsafe class ForkJoinTests
{
    private static long Fib(long n)
    {
        if (n < 2) return n;
        var left = new Future<long>();
        left.Spawn(&Fib, n - 1);
        long right = Fib(n - 2);
        return left.Get() + right;
    }

    private static long FibRoot(long n) => Fib(n);

    [Test]
    public static void FibonacciTreeOfFutures()
    {
        Runtime.Start();
        long before = Runtime.Statistics.Spawns;
        long result = Runtime.Run(() => Fib(23));
        Assert.Equal(28657L, result);
        Assert.True(Runtime.Statistics.Spawns - before > 20_000, "the spawns went through the deques");
    }

    private static long s_leaves;

    private static void Tree(long depth)
    {
        if (depth == 0)
        {
            Interlocked.Increment(ref s_leaves);
            return;
        }
        var g = new SpawnGroup();
        for (int i = 0; i < 4; i++) g.Spawn(&Tree, depth - 1);
        g.Sync();
    }

    [Test]
    public static void SpawnGroupTreeRunsEveryLeaf()
    {
        s_leaves = 0;
        Runtime.Run(&Tree, 7);
        Assert.Equal(16384L, s_leaves);
    }

    [Test]
    public static void FutureOfAClosureAndInvoke()
    {
        int a = 0, b = 0;
        Parallel.Invoke(() => a = 1, () => b = 2);
        Assert.Equal(3, a + b);
        long r = Runtime.Run(() =>
        {
            var f = new Future<long>();
            f.Spawn(() => 40L);
            return f.Get() + 2;
        });
        Assert.Equal(42L, r);
        var never = new Future<long>();
        Assert.Equal(0L, Runtime.Run(() => never.Get()), "a future never spawned gives default");
    }

    [Test]
    public static void EveryWorkerIsBoundToItsCpu()
    {
        Runtime.Start();
        int workers = Runtime.Workers;
        Assert.Equal(Nacre.Cpus.Cpus.Count, workers);
        int* bad = stackalloc int[1];
        bad[0] = 0;
        Parallel.Spmd((w, n) =>
        {
            if (Runtime.WorkerIndex != w || Nacre.Cpus.Cpus.Current->Index != w || n != workers) Interlocked.Increment(ref *bad);
        });
        Assert.Equal(0, bad[0]);
        Assert.Equal(-1, Runtime.WorkerIndex, "the test thread is not a worker");
    }
}
