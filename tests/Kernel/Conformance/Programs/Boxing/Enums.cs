namespace Conformance.Boxing
{
    /// <summary>Enums: underlying values, casts, bit operations on flags, comparison and switch.</summary>
    public static class Enums
    {
        private enum Color : byte { Red = 1, Green = 2, Blue = 4 }
        [System.Flags] private enum Access { None = 0, Read = 1, Write = 2, Exec = 4, All = Read | Write | Exec }
        private enum Big : long { Huge = 1L << 40 }

        public static int Main()
        {
            if ((int)Color.Blue != 4 || (Color)2 != Color.Green) return 1;
            var rw = Access.Read | Access.Write;
            if ((rw & Access.Write) == 0 || (rw & Access.Exec) != 0) return 2;
            if ((Access.All & ~Access.Read) != (Access.Write | Access.Exec)) return 3;
            if (!rw.HasFlag(Access.Read) || rw.HasFlag(Access.Exec)) return 4;
            if (Color.Red >= Color.Green) return 5;
            if ((long)Big.Huge != 1099511627776L) return 6;
            Color c = Color.Red;
            c++;
            if (c != Color.Green) return 7;
            object boxed = Color.Blue;
            if (!(boxed is Color) || (Color)boxed != Color.Blue) return 8;
            return 100;
        }
    }
}
