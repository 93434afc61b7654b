namespace Conformance.Statics
{
    /// <summary>Static constructors run once, before first use, in dependency order; beforefieldinit field initialisers.</summary>
    public static class StaticConstructors
    {
        internal static string Log = "";

        private static class A { public static readonly int V; static A() { Log += "A"; V = B.V + 1; } }
        private static class B { public static readonly int V; static B() { Log += "B"; V = 10; } }
        private sealed class C { public static int Made; static C() { Log += "C"; } public C() { Made++; } }
        private static class Lazy { public static int Touched = Init(); private static int Init() { Log += "L"; return 5; } }

        public static int Main()
        {
            if (Log != "") return 1;
            if (A.V != 11) return 2;
            if (Log != "AB") return 3;
            _ = A.V;
            new C(); new C();
            if (Log != "ABC" || C.Made != 2) return 4;
            if (Lazy.Touched != 5 || !Log.EndsWith("L")) return 5;
            return 100;
        }
    }
}
