namespace Conformance.Calls
{
    /// <summary>Default interface methods, overridden or not, and calls between interface members.</summary>
    public static class DefaultInterfaceMethods
    {
        private interface IGreeter
        {
            string Name { get; }
            string Greet() => "hello " + Name;
            string Shout() => Greet() + "!";
        }
        private sealed class Plain : IGreeter { public string Name => "a"; }
        private sealed class Custom : IGreeter
        {
            public string Name => "b";
            public string Greet() => "hi " + Name;
        }

        public static int Main()
        {
            IGreeter p = new Plain(), c = new Custom();
            if (p.Greet() != "hello a") return 1;
            if (c.Greet() != "hi b") return 2;
            if (c.Shout() != "hi b!") return 3;
            if (p.Shout() != "hello a!") return 4;
            return 100;
        }
    }
}
