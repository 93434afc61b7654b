using System;
using System.Collections.Generic;

namespace Conformance.Structs
{
    /// <summary>default values of structs, parameterless struct constructors and field initialisers.</summary>
    public static class DefaultStructs
    {
        private struct WithCtor { public int A; public string B; public WithCtor() { A = 7; B = "init"; } }
        private struct Plain { public int A; public double D; public object O; }

        public static int Main()
        {
            var w = new WithCtor();
            if (w.A != 7 || w.B != "init") return 1;
            WithCtor d = default;
            if (d.A != 0 || d.B != null) return 2;
            var arr = new WithCtor[2];
            if (arr[0].A != 0) return 3;                 // array elements are zeroed, not constructed
            var p = new Plain();
            if (p.A != 0 || p.D != 0 || p.O != null) return 4;
            return 100;
        }
    }
}
