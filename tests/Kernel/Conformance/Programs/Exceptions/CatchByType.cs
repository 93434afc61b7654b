using System;

namespace Conformance.Exceptions
{
    /// <summary>catch selects by type with inheritance; the first matching clause wins.</summary>
    public static class CatchByType
    {
        private sealed class MyError : InvalidOperationException { public MyError() : base("mine") { } }
        private static void Throw(int kind)
        {
            if (kind == 0) throw new MyError();
            if (kind == 1) throw new ArgumentNullException("p");
            throw new NotSupportedException("ns");
        }

        private static int Classify(int kind)
        {
            try { Throw(kind); return 0; }
            catch (MyError e) when (e.Message == "mine") { return 1; }
            catch (ArgumentException e) { return e is ArgumentNullException ? 2 : 3; }
            catch (Exception) { return 4; }
        }

        public static int Main()
        {
            if (Classify(0) != 1) return 1;
            if (Classify(1) != 2) return 2;
            if (Classify(2) != 4) return 3;
            try { throw new InvalidOperationException("x"); }
            catch (InvalidOperationException e) { if (e.Message != "x") return 4; }
            return 100;
        }
    }
}
