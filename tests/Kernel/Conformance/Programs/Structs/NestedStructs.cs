namespace Conformance.Structs
{
    /// <summary>Structs containing structs and references, returned by value from methods and properties.</summary>
    public static class NestedStructs
    {
        private struct Inner { public int A; public string S; }
        private struct Outer { public Inner I; public long L; public Inner J; }
        private static Outer Make(int a) => new Outer { I = new Inner { A = a, S = "i" + a }, L = a * 10L, J = new Inner { A = -a } };

        public static int Main()
        {
            var o = Make(3);
            if (o.I.A != 3 || o.I.S != "i3" || o.L != 30 || o.J.A != -3) return 1;
            o.J.S = "j";
            var p = o;
            p.J.S = "changed";
            if (o.J.S != "j") return 2;
            Outer[] many = { Make(1), Make(2) };
            many[1].I.A = 20;
            if (many[1].I.A + many[0].I.A != 21) return 3;
            var d = default(Outer);
            if (d.I.S != null || d.L != 0) return 4;
            return 100;
        }
    }
}
