using System;
using System.Collections.Generic;

namespace Conformance.Structs
{
    /// <summary>Equals and GetHashCode of structs that do not override them: references by their Equals, NaN and -0, padding, nested structs, enums and nullables; as keys.</summary>
    public static class FieldwiseEquality
    {
        private enum Kind : short { A = 1, B = 2 }
        private struct Named { public string Name; public int Id; }
        private struct Floats { public double D; public float F; }
        private struct Padded { public byte Small; public long Big; }
        private struct Inner { public string S; public double D; }
        private struct Outer { public Inner In; public Kind K; public int? N; }
        private struct Tenths
        {
            public int V;
            public override bool Equals(object o) => o is Tenths t && t.V / 10 == V / 10;
            public override int GetHashCode() => V / 10;
        }
        private struct HoldsTenths { public Tenths T; public int X; }
        private struct Bytes { public int A, B; }

        private static string Copy(string s) => new string(s.ToCharArray());

        public static int Main()
        {
            // A string field compares by content, not by reference.
            var n1 = new Named { Name = Copy("key"), Id = 3 };
            var n2 = new Named { Name = Copy("key"), Id = 3 };
            if (!n1.Equals(n2) || n1.GetHashCode() != n2.GetHashCode()) return 1;
            if (n1.Equals(new Named { Name = "kex", Id = 3 }) || n1.Equals(new Named { Name = "key", Id = 4 })) return 2;
            if (!new Named().Equals(new Named()) || new Named().Equals(n1) || n1.Equals(new Named())) return 3;

            // Doubles compare as double.Equals: NaN equals NaN, 0 equals -0 (their bits differ).
            var f1 = new Floats { D = double.NaN, F = 0.0f };
            var f2 = new Floats { D = double.NaN, F = -0.0f };
            if (!f1.Equals(f2) || f1.GetHashCode() != f2.GetHashCode()) return 4;
            if (f1.Equals(new Floats { D = 1, F = 0 })) return 5;

            if (!new Padded { Small = 1, Big = 2 }.Equals(new Padded { Small = 1, Big = 2 })) return 6;
            if (new Padded { Small = 1, Big = 2 }.Equals(new Padded { Small = 2, Big = 2 })) return 7;

            var o1 = new Outer { In = new Inner { S = Copy("in"), D = 0.0 }, K = Kind.B, N = 5 };
            var o2 = new Outer { In = new Inner { S = Copy("in"), D = -0.0 }, K = Kind.B, N = 5 };
            if (!o1.Equals(o2) || o1.GetHashCode() != o2.GetHashCode()) return 8;
            o2.N = null;
            if (o1.Equals(o2) || o2.Equals(o1)) return 9;
            o1.N = null;
            if (!o1.Equals(o2)) return 10;
            o2.K = Kind.A;
            if (o1.Equals(o2)) return 11;

            // A field whose type overrides Equals is compared with that override.
            if (!new HoldsTenths { T = new Tenths { V = 41 }, X = 1 }.Equals(new HoldsTenths { T = new Tenths { V = 47 }, X = 1 })) return 12;
            if (new HoldsTenths { T = new Tenths { V = 41 }, X = 1 }.Equals(new HoldsTenths { T = new Tenths { V = 51 }, X = 1 })) return 13;

            // Different struct types with the same bytes are not equal; boxed copies are.
            object b1 = new Bytes { A = 1, B = 2 }, b2 = new Bytes { A = 1, B = 2 };
            if (!b1.Equals(b2) || b1.Equals(new Padded()) || b1.Equals(null)) return 14;

            var byName = new Dictionary<Named, int>();
            for (int i = 0; i < 50; i++) byName[new Named { Name = "n" + i, Id = i % 3 }] = i;
            if (byName.Count != 50 || byName[new Named { Name = Copy("n7"), Id = 1 }] != 7) return 15;
            var seen = new HashSet<Outer> { o1, o2, o1 };
            if (seen.Count != 2 || !seen.Contains(new Outer { In = new Inner { S = "in" }, K = Kind.B })) return 16;
            return 100;
        }
    }
}
