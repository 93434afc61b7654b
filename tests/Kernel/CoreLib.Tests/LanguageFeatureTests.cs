using System;
using System.Collections.Generic;
using Nacre.Testing;

/// <summary>C# features that lean on the core library: new T(), collection initialisers, tuples.</summary>
public static class LanguageFeatureTests
{
    private sealed class Counter { public int Value = 41; public Counter() { Value++; } }
    private struct Plain { public int X; }
    private struct WithConstructor { public int X; public WithConstructor() { X = 9; } }

    private static T Make<T>() where T : new() => new T();

    [Test]
    public static void NewConstraintConstructsClassesAndStructs()
    {
        Assert.Equal(42, Make<Counter>().Value);
        Assert.Equal(0, Make<Plain>().X);
        Assert.Equal(9, Make<WithConstructor>().X);
        Assert.False(ReferenceEquals(Make<Counter>(), Make<Counter>()), "each new T() is a new object");
    }

    [Test]
    public static void CollectionInitialisersFillListsDictionariesAndQueues()
    {
        var list = new List<string> { "a", "b", "c" };
        var map = new Dictionary<string, int> { ["one"] = 1, ["two"] = 2 };
        var pairs = new Dictionary<int, string> { { 3, "three" }, { 4, "four" } };
        Assert.Equal(3, list.Count);
        Assert.Equal("c", list[2]);
        Assert.Equal(2, map["two"]);
        Assert.Equal("four", pairs[4]);

        var queue = new Queue<int>();
        for (int i = 1; i <= 4; i++) queue.Enqueue(i);
        int sum = 0, first = 0;
        foreach (int x in queue) { if (first == 0) first = x; sum += x; }
        Assert.Equal(1, first);
        Assert.Equal(10, sum);
    }

    [Test]
    public static void EnumeratesThroughTheGenericInterface()
    {
        IEnumerable<int> items = new List<int> { 5, 6, 7 };
        int sum = 0;
        foreach (int x in items) sum += x;
        Assert.Equal(18, sum);
    }

    private static (int Quotient, int Remainder) DivMod(int a, int b) => (a / b, a % b);

    [Test]
    public static void TuplesReturnDeconstructCompareAndPrint()
    {
        var (q, r) = DivMod(17, 5);
        Assert.Equal(3, q);
        Assert.Equal(2, r);
        var t = DivMod(9, 4);
        Assert.Equal(2, t.Quotient);
        Assert.True(t == (2, 1));
        Assert.True((1, "x", 2.5).Equals((1, "x", 2.5)));
        Assert.Equal("(2, 1)", t.ToString());
        (int a, int b) = (1, 2);
        (a, b) = (b, a);
        Assert.Equal(2, a);
        Assert.Equal(1, b);
    }
}
