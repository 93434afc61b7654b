using System;

namespace Conformance.Exceptions
{
    /// <summary>Exceptions from constructors and from static constructors (TypeInitializationException, sticky).</summary>
    public static class ConstructorFailures
    {
        private sealed class Picky { public Picky(int v) { if (v < 0) throw new ArgumentOutOfRangeException(nameof(v)); } }
        private static class Broken
        {
            public static readonly int Value = Compute();
            private static int Compute() => throw new InvalidOperationException("cctor");
        }

        public static int Main()
        {
            try { new Picky(-1); return 1; } catch (ArgumentOutOfRangeException e) { if (e.ParamName != "v") return 2; }
            for (int i = 0; i < 2; i++)
            {
                try { _ = Broken.Value; return 3; }
                catch (TypeInitializationException e) { if (!(e.InnerException is InvalidOperationException)) return 4; }
            }
            return 100;
        }
    }
}
