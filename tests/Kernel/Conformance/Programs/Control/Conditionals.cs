namespace Conformance.Control
{
    /// <summary>Short-circuit evaluation, ternaries, null-coalescing and null-conditional operators.</summary>
    public static class Conditionals
    {
        private static int s_calls;
        private static bool Touch(bool v) { s_calls++; return v; }
        private sealed class Node { public Node Next; public int V; }

        public static int Main()
        {
            if (Touch(false) && Touch(true)) return 1;
            if (!(Touch(true) || Touch(true))) return 2;
            if (s_calls != 2) return 3;
            int a = 5;
            string s = a > 3 ? "big" : "small";
            if (s != "big") return 4;
            string n = null;
            if ((n ?? "d") != "d") return 5;
            n ??= "set";
            if (n != "set") return 6;
            var node = new Node { V = 1 };
            if (node.Next?.V != null) return 7;
            if ((node.Next?.Next?.V ?? -1) != -1) return 8;
            int? len = n?.Length;
            if (len != 3) return 9;
            bool t = true;
            if ((t ? 1 : 2) + (!t ? 10 : 20) != 21) return 10;
            return 100;
        }
    }
}
