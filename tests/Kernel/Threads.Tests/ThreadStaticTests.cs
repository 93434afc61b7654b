using System;
using System.Collections.Generic;
using System.Threading;
using Nacre.Testing;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

/// <summary>C# [ThreadStatic] fields: one copy per kernel thread, defaults for every new (or reused) thread.</summary>
public static unsafe class ThreadStaticTests
{
    [ThreadStatic] private static long t_number;
    [ThreadStatic] private static string t_text;
    [ThreadStatic] private static List<int> t_list;

    private static class PerType<T>
    {
        [ThreadStatic] public static T Value;
    }

    // A lazy static constructor: ilc checks it before handing out the thread-static base.
    private static class WithConstructor
    {
        public static int Runs;
        [ThreadStatic] public static int Value;
        static WithConstructor() { Runs++; }
    }

    private static int OtherCpu => Nacre.Cpus.Cpus.Count > 1 ? 1 : 0;

    [Test]
    public static void ThreadsOnDifferentCpusSeeTheirOwnValues()
    {
        t_number = 1;
        t_text = "main";
        int set = 0;
        Func<long, Func<long>> body = id => () =>
        {
            t_number = id;
            t_text = id.ToString();
            Interlocked.Increment(ref set);
            while (Volatile.Read(ref set) < 2) Thread.Yield();   // both have written before either reads
            return t_text == id.ToString() ? t_number : -1;
        };
        Thread* a = Thread.Launch(body(10), cpu: 0);
        Thread* b = Thread.Launch(body(20), cpu: OtherCpu);
        Assert.Equal(10L, Thread.Join(a), "thread on CPU 0");
        Assert.Equal(20L, Thread.Join(b), "thread on the other CPU");
        Assert.Equal(1L, t_number, "the test thread's own value");
        Assert.Equal("main", t_text);
    }

    [Test]
    public static void ANewThreadStartsWithDefaults()
    {
        t_number = 7;
        long seen = -1;
        string text = "unset";
        Thread* t = Thread.Launch(() => { seen = t_number; text = t_text; });
        Thread.Join(t);
        Assert.Equal(0L, seen);
        Assert.Null(text, "a reference thread static starts null");
    }

    [Test]
    public static void ARecycledThreadSeesDefaultsAgain()
    {
        Thread* first = Thread.Launch(() =>
        {
            t_number = 42;
            t_text = "left over";
            t_list = new List<int> { 1 };
            PerType<int>.Value = 3;
            return t_number;
        });
        Assert.Equal(42L, Thread.Join(first));
        long number = -1, value = -1;
        string text = "unset";
        List<int> list = new List<int>();
        Thread* second = Thread.Launch(() =>
        {
            number = t_number;
            text = t_text;
            list = t_list;
            value = PerType<int>.Value;
        });
        Assert.True(second == first, "the pool handed out the same thread again");
        Thread.Join(second);
        Assert.Equal(0L, number);
        Assert.Null(text);
        Assert.Null(list);
        Assert.Equal(0L, value);
    }

    [Test]
    public static void ReferenceTypeThreadStaticsArePerThreadObjects()
    {
        t_list = new List<int> { 1, 2, 3 };
        List<int> mine = t_list;
        List<int> theirs = null;
        Thread* t = Thread.Launch(() =>
        {
            t_list = new List<int>();
            for (int i = 0; i < 10; i++) t_list.Add(i);
            Thread.Yield();
            theirs = t_list;
        }, cpu: OtherCpu);
        Thread.Join(t);
        Assert.True(t_list == mine, "this thread's list is untouched");
        Assert.Equal(3, t_list.Count);
        Assert.Equal(10, theirs.Count, "the other thread's list survived until it exited");
    }

    [Test]
    public static void GenericClassThreadStaticsArePerInstantiationAndThread()
    {
        PerType<int>.Value = 1;
        PerType<long>.Value = 2;
        PerType<string>.Value = "three";
        long sum = 0;
        string s = null;
        Thread* t = Thread.Launch(() =>
        {
            sum = PerType<int>.Value + PerType<long>.Value;   // 0: fresh thread
            PerType<int>.Value = 10;
            PerType<string>.Value = "other";
            s = PerType<string>.Value;
        }, cpu: OtherCpu);
        Thread.Join(t);
        Assert.Equal(0L, sum);
        Assert.Equal("other", s);
        Assert.Equal(1, PerType<int>.Value);
        Assert.Equal(2L, PerType<long>.Value);
        Assert.Equal("three", PerType<string>.Value);
    }

    [Test]
    public static void AStaticConstructorRunsOnceForAllThreads()
    {
        WithConstructor.Value = 5;
        int other = -1;
        Thread* t = Thread.Launch(() => { other = WithConstructor.Value; WithConstructor.Value = 6; }, cpu: OtherCpu);
        Thread.Join(t);
        Assert.Equal(0, other);
        Assert.Equal(5, WithConstructor.Value);
        Assert.Equal(1, WithConstructor.Runs);
    }

    private static long TouchStatics(void* arg)
    {
        t_number += (long)arg;
        PerType<long>.Value += t_number;
        return PerType<long>.Value;
    }

    [Test]
    public static void ThousandsOfThreadsUsingThreadStaticsDoNotLeak()
    {
        // The objects holding a thread's statics stay with the pooled thread: only the first round allocates.
        long sum = 0;
        NoLeak.Check(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                Thread* t = Thread.Launch(&TouchStatics, (void*)(long)(i % 10));
                sum += Thread.Join(t);
            }
        });
        Assert.Equal(2L * 100 * 45, sum);
    }
}
