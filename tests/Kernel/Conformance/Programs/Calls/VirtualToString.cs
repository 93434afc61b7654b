using System;
using System.Collections.Generic;

namespace Conformance.Calls
{
    /// <summary>ToString, Equals and GetHashCode overridden on classes and structs, called through object.</summary>
    public static class VirtualToString
    {
        private sealed class Money { public int Cents; public override string ToString() => "$" + Cents / 100 + "." + (Cents % 100).ToString("D2"); public override bool Equals(object o) => o is Money m && m.Cents == Cents; public override int GetHashCode() => Cents; }
        private struct Pt { public int X; public override string ToString() => "Pt" + X; }

        public static int Main()
        {
            object m = new Money { Cents = 1234 };
            if (m.ToString() != "$12.34") return 1;
            if (!m.Equals(new Money { Cents = 1234 }) || m.Equals(new Money { Cents = 1 }) || m.GetHashCode() != 1234) return 2;
            object p = new Pt { X = 3 };
            if (p.ToString() != "Pt3" || $"{new Pt { X = 4 }}" != "Pt4") return 3;
            return 100;
        }
    }
}
