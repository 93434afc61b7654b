using System;

/// <summary>Each case ends the kernel in one specific way; the host checks what it printed and the exit code.</summary>
public static class Program
{
    private sealed class Node { public Node Next; public int Value; }

    public static int Main(string[] args)
    {
        string which = args.Length > 0 ? args[0] : "";
        Console.WriteLine($"panics: case '{which}'");
        switch (which)
        {
            case "throw": throw new InvalidOperationException("boom");
            case "rethrow": return Rethrow();
            case "null": return NullDereference(null);
            case "bounds": return OutOfBounds(new int[3], 5);
            case "cast": return BadCast(args.Length > 5 ? new Node() : (object)"not a node");
            case "divide": return Divide(1, args.Length - 1);
            case "failfast": Environment.FailFast("fail fast requested"); return 1;
            case "overflow": return Recurse(1);
            case "spin": for (;;) { }
            case "exit": return 42;
            case "thread-null": return ThreadFault();
            case "gvm-unbuildable": return UnbuildableGenericVirtual(new Maker());
            default:
                Console.WriteLine("unknown case; expected throw|rethrow|null|bounds|cast|divide|failfast|overflow|spin|exit|thread-null|gvm-unbuildable");
                return 2;
        }
    }

    // Not inlined, so that the report names them.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int NullDereference(Node n) => n.Next.Value;

    // Nothing catches a rethrown exception: the report shows where it was first thrown.
    private static int Rethrow()
    {
        try { Thrower(); }
        catch (InvalidOperationException) { throw; }
        return 0;
    }

    private static void Thrower() => throw new InvalidOperationException("first");

    // A fault in a thread on another CPU: the panic names that CPU and thread.
    private static unsafe int ThreadFault()
    {
        Node missing = null;
        Nacre.Threads.Thread* t = Nacre.Threads.Thread.Launch(() => (long)missing.Value, cpu: Nacre.Cpus.Cpus.Count > 1 ? 1 : 0);
        return (int)Nacre.Threads.Thread.Join(t);
    }
    // A generic virtual method whose shared code needs Holder<Node>, a type no other code uses:
    // ilc leaves it to a run-time type loader, so the call must stop with a clear panic.
    private interface IMaker { object Make<T>(T item); }
    private sealed class Maker : IMaker { public object Make<T>(T item) => new Holder<T> { Item = item }; }
    private sealed class Holder<T> { public T Item; }
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int UnbuildableGenericVirtual(IMaker maker) => maker.Make(new Node()) == null ? 1 : 0;

    private static int OutOfBounds(int[] a, int i) => a[i];
    private static int BadCast(object o) => ((Node)o).Value;
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int Divide(int a, int b) => a / b;

    // Unbounded recursion: exhausts the stack and must end in a clean double-fault panic.
    private static int Recurse(int depth)
    {
        Span<byte> frame = stackalloc byte[256];
        frame[0] = (byte)depth;
        return Recurse(depth + 1) + frame[0];
    }
}
