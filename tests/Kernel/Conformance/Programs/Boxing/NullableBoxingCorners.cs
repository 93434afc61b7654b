using System;

namespace Conformance.Boxing
{
    /// <summary>Boxing Nullable&lt;T&gt; of wide and small structs and enums, through generics and interfaces; Equals and GetHashCode of nullables.</summary>
    public static class NullableBoxingCorners
    {
        private struct Wide { public byte Tag; public long Big; public double D; }
        private enum Shade : byte { Light = 1, Dark = 2 }

        private static object Box<T>(T value) => value;
        private static bool IsNull<T>(T value) => value == null;
        private static T Unbox<T>(object o) => (T)o;

        public static int Main()
        {
            Wide? w = new Wide { Tag = 9, Big = long.MinValue, D = 2.5 };
            object ow = w;
            if (!(ow is Wide back) || back.Tag != 9 || back.Big != long.MinValue || back.D != 2.5) return 1;
            Wide? w2 = (Wide?)ow;
            if (!w2.HasValue || w2.Value.Big != long.MinValue || w2.Value.D != 2.5) return 2;

            Shade? s = Shade.Dark;
            object os = s;
            if (!(os is Shade) || (Shade)os != Shade.Dark || os is int) return 3;
            byte? b = 200;
            if ((byte)(object)b != 200) return 4;

            // Through generic code: the box of an empty nullable is null, a full one is its value.
            if (Box<int?>(null) != null || (int)Box<int?>(42) != 42) return 5;
            if (!IsNull<long?>(null) || IsNull<long?>(7)) return 6;
            if (Unbox<double?>(1.5) != 1.5 || Unbox<double?>(null).HasValue) return 7;

            // A boxed nullable's value is reachable through the interfaces of T.
            IEquatable<int> eq = (int?)5 as IEquatable<int>;
            if (eq == null || !eq.Equals(5)) return 8;
            if (((int?)null as IEquatable<int>) != null) return 9;

            // Unboxing to a nullable of another type fails as a cast.
            try { _ = (int?)(object)5L; return 10; } catch (InvalidCastException) { }

            int? x = 5, none = null;
            if (!x.Equals(5) || x.Equals(6) || x.Equals(null) || !none.Equals(null) || none.Equals(5)) return 11;
            if (x.GetHashCode() != 5.GetHashCode() || none.GetHashCode() != 0) return 12;
            if (x.ToString() != "5" || none.ToString() != "") return 13;
            return 100;
        }
    }
}
