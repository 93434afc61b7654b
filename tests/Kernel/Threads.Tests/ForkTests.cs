using System;
using System.Runtime.CompilerServices;
using Nacre.Testing;
using Nacre.Threads;

/// <summary>Thread.Fork: the calling function continues in a new thread on a copy of its frame.</summary>
public static unsafe class ForkTests
{
    private static Thread* s_child;          // what Fork returned to the parent
    private static Thread* s_childSawItself; // Thread.Current in the child
    private static int s_childCpu;
    [ThreadStatic] private static long t_value;

    private static int OtherCpu => Nacre.Cpus.Cpus.Count > 1 ? 1 : 0;

    // The smallest forking function: ilc may give it no frame pointer at all.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ForkTiny(int cpu)
    {
        Thread* child = Thread.Fork(cpu);
        return child == null ? 7 : (long)child;
    }

    // ilc keeps a method's thread-static base in a register or its frame: after Fork, the child
    // must reach its own thread statics through another method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ThreadValue() => t_value;

    // Locals of several kinds, live across the fork; the child changes its copies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ForkWithLocals(int cpu, long a)
    {
        long b = a * 3;
        double d = a / 4.0;
        var pair = (First: a + 1, Second: (int)a - 1);
        string text = string.Concat("n", a.ToString());
        t_value = 99;
        Thread* child = Thread.Fork(cpu);
        if (child == null)
        {
            s_childSawItself = Thread.Current;
            s_childCpu = Nacre.Cpus.Cpus.Current->Index;
            if (ThreadValue() != 0) return -2;   // thread statics start with defaults in the child
            b += 1;
            d *= 2;
            pair.First += 10;
            // a=10: b 31, d 5.0, pair (21, 9), text "n10"
            return b + (long)d * 100 + pair.First * 10_000 + pair.Second * 1_000_000 + text.Length * 100_000_000L;
        }
        s_child = child;
        // The parent's own values are untouched by the child.
        if (b != a * 3 || d != a / 4.0 || pair.First != a + 1 || text != string.Concat("n", a.ToString()) || t_value != 99) return -1;
        return 0;
    }

    [Test]
    public static void ParentGetsTheChildAndTheChildGetsNull()
    {
        long r = ForkTiny(Thread.AnyCpu);
        Assert.True(r != 7, "the parent's Fork returned non-null");
        Assert.Equal(7L, Thread.Join((Thread*)r), "the child saw null and exited with the function's result");
    }

    [Test]
    public static void LocalsAreCopiedAndJoinReturnsTheChildsResult()
    {
        Assert.Equal(0L, ForkWithLocals(Thread.AnyCpu, 10));
        Thread* child = s_child;
        long result = Thread.Join(child);
        Assert.Equal(31L + 500 + 210_000 + 9_000_000 + 300_000_000, result);
        Assert.True(s_childSawItself == child, "the child runs as the thread Fork returned");
    }

    [Test]
    public static void ChildRunsOnAnotherCpu()
    {
        int other = OtherCpu;
        Assert.Equal(0L, ForkWithLocals(other, 10));
        Thread.Join(s_child);
        Assert.Equal(other, s_childCpu);
    }

    [Test]
    public static void ChildRunsOnTheSameCpu()
    {
        int self = Nacre.Cpus.Cpus.Current->Index;
        Assert.Equal(0L, ForkWithLocals(self, 10));
        Assert.Equal(309_210_531L, Thread.Join(s_child));
        Assert.Equal(self, s_childCpu);
    }

    // A stackalloc makes the frame's size dynamic: its unwind information measures from rbp.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ForkWithStackalloc(int n)
    {
        long* buffer = stackalloc long[n];
        for (int i = 0; i < n; i++) buffer[i] = i;
        long before = buffer[n - 1];
        Thread* child = Thread.Fork();
        if (child == null) return before * 2 + n;   // only values, no pointer into the frame
        long sum = 0;
        for (int i = 0; i < n; i++) sum += buffer[i];
        return sum * 1000 + Thread.Join(child);
    }

    [Test]
    public static void FramesWithStackallocFork()
    {
        // parent: sum 0..31 = 496; child: 31 * 2 + 32 = 94
        Assert.Equal(496_094L, ForkWithStackalloc(32));
    }

    // Fork inside a loop: the child exits with its iteration, the parent joins it and goes on.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ForkInALoop(int n)
    {
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            Thread* child = Thread.Fork();
            if (child == null) return 2L * i;
            sum += Thread.Join(child);
        }
        return sum;
    }

    [Test]
    public static void AThousandForksAndJoinsDoNotLeak()
    {
        long total = 0;
        NoLeak.Check(() => total += ForkInALoop(1000));
        Assert.Equal(2L * 1000 * 999, total);
    }

    // Several children alive at once, each exiting with its own number.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ForkSeveral(Thread** children, int n)
    {
        for (int i = 0; i < n; i++)
        {
            Thread* child = Thread.Fork();
            if (child == null)
            {
                Thread.Yield();
                return 100 + i;
            }
            children[i] = child;
        }
        return -1;
    }

    [Test]
    public static void ManyChildrenAtOnce()
    {
        const int n = 16;
        var children = new Thread*[n];
        fixed (Thread** c = children) Assert.Equal(-1L, ForkSeveral(c, n));
        for (int i = 0; i < n; i++) Assert.Equal(100L + i, Thread.Join(children[i]));
    }

    // Children fork too: 2^depth threads end up counting themselves.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Subtree(int depth)
    {
        if (depth == 0) return 1;
        Thread* child = Thread.Fork();
        if (child == null) return Subtree(depth - 1);
        return Subtree(depth - 1) + Thread.Join(child);
    }

    [Test]
    public static void ForkedChildrenForkAgain()
    {
        Assert.Equal(32L, Subtree(5));
    }

    [Test]
    public static void AForkedChildIsAChildOfTheForker()
    {
        long r = ForkTiny(OtherCpu);
        Thread.JoinAllChildren();
        Assert.Equal(7L, Thread.Join((Thread*)r));
    }
}
