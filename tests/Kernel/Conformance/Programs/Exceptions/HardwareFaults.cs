using System;

namespace Conformance.Exceptions
{
    /// <summary>Faults that .NET turns into exceptions: null dereference, divide by zero, MinValue / -1, bounds, casts, checked overflow.</summary>
    public static class HardwareFaults
    {
        private sealed class Node { public int V; }
        private static Node s_null;
        private static int s_zero, s_minusOne = -1, s_max = int.MaxValue;
        private static object s_str = "s";

        public static int Main()
        {
            // (ilc compiles a cast to a class the program never instantiates as a null check; Node is instantiated here.)
            var live = new Node { V = 1 };
            if (live.V != 1) return 9;
            try { _ = s_null.V; return 1; } catch (NullReferenceException) { }
            try { _ = 5 / s_zero; return 2; } catch (DivideByZeroException) { }
            try { _ = int.MinValue / s_minusOne; return 3; } catch (OverflowException) { }
            try { var small = new int[2]; _ = small[s_max & 7]; return 4; } catch (IndexOutOfRangeException) { }
            try { _ = (Node)s_str; return 5; } catch (InvalidCastException) { }
            try { _ = checked(s_max + 1); return 6; } catch (OverflowException) { }
            try { _ = checked((byte)(s_max)); return 7; } catch (OverflowException) { }
            try { _ = 5L % s_zero; return 8; } catch (DivideByZeroException) { }
            return 100;
        }
    }
}
