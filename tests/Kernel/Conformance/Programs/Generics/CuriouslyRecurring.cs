namespace Conformance.Generics
{
    /// <summary>Self-referential generics (CRTP), generic base classes, and generic interfaces over themselves.</summary>
    public static class CuriouslyRecurring
    {
        private abstract class Node<TSelf> where TSelf : Node<TSelf>
        {
            public TSelf Next;
            public int Length() { int n = 1; for (var p = Next; p != null; p = p.Next) n++; return n; }
            public TSelf Self => (TSelf)this;
        }
        private sealed class Link : Node<Link> { public int V; }
        private class Base<T> { public virtual string Who(T x) => "base"; }
        private sealed class Derived : Base<int> { public override string Who(int x) => "derived" + x; }

        public static int Main()
        {
            var a = new Link { V = 1, Next = new Link { V = 2, Next = new Link { V = 3 } } };
            if (a.Length() != 3 || a.Next.Next.V != 3) return 1;
            if (a.Self != a) return 2;
            Base<int> b = new Derived();
            if (b.Who(4) != "derived4") return 3;
            return 100;
        }
    }
}
