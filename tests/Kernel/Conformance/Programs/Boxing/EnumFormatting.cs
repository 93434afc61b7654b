using System;

namespace Conformance.Boxing
{
    /// <summary>Enum names through every path: nested private enums, every underlying type, negative values, duplicates, flags combinations, formats, Parse/TryParse, GetName/IsDefined/GetValues.</summary>
    public static class EnumFormatting
    {
        private enum Tiny : sbyte { Low = -128, Minus = -1, Zero = 0, High = 127 }
        private enum Wide : ulong { Top = ulong.MaxValue, One = 1 }
        private enum Alias { First = 1, Same = 1, Other = 2 }
        [Flags] private enum Perm : byte { None = 0, Read = 1, Write = 2, Exec = 4, ReadWrite = Read | Write }
        [Flags] private enum NoZero { A = 1, B = 2 }
        private enum Plain { A = 1, B = 2 }
        private class Holder { internal enum Deep : short { Yes = 10, No = -10 } }

        private static string Show<T>(T value) => value.ToString();
        private static string Interp<T>(T value) => $"[{value}]";

        public static int Main()
        {
            if (Tiny.Low.ToString() != "Low" || Tiny.Minus.ToString() != "Minus" || ((Tiny)(-5)).ToString() != "-5") return 1;
            if (Wide.Top.ToString() != "Top" || ((Wide)7).ToString() != "7") return 2;
            if (Alias.Same.ToString() != "First" || Alias.Other.ToString() != "Other") return 3;
            if (Holder.Deep.No.ToString() != "No" || ((Holder.Deep)3).ToString() != "3") return 4;

            // Flags: exact members win, otherwise the largest members first, printed smallest first.
            if ((Perm.Read | Perm.Write).ToString() != "ReadWrite") return 5;
            if ((Perm.Read | Perm.Exec).ToString() != "Read, Exec") return 6;
            if ((Perm.ReadWrite | Perm.Exec).ToString() != "ReadWrite, Exec") return 7;
            if (((Perm)8).ToString() != "8" || ((Perm)9).ToString() != "9" || Perm.None.ToString() != "None") return 8;
            if (((NoZero)0).ToString() != "0" || (NoZero.A | NoZero.B).ToString() != "A, B") return 9;
            if ((Plain.A | Plain.B).ToString() != "3") return 10;

            // Boxed, generic and interpolated paths print the same.
            object boxed = Perm.Write;
            if (boxed.ToString() != "Write" || Show(Tiny.High) != "High" || Interp(Alias.Other) != "[Other]") return 11;
            if ($"{Perm.Exec,6}|{Tiny.Zero:D}|{Perm.Read:X}" != "  Exec|0|01") return 12;

            if (Plain.B.ToString("D") != "2" || Tiny.Minus.ToString("X") != "FF" || Wide.One.ToString("x") != "0000000000000001") return 13;
            if ((Plain.A | Plain.B).ToString("F") != "A, B" || Perm.Exec.ToString("G") != "Exec") return 14;
            try { Plain.A.ToString("Q"); return 15; } catch (FormatException) { }

            if (Enum.Parse<Perm>("Read, Exec") != (Perm.Read | Perm.Exec) || Enum.Parse<Perm>(" 6 ") != (Perm.Write | Perm.Exec)) return 16;
            if (Enum.Parse<Tiny>("minus", true) != Tiny.Minus || Enum.Parse<Tiny>("-128") != Tiny.Low) return 17;
            if (!Enum.TryParse<Alias>("Same", out var same) || same != Alias.First) return 18;
            if (Enum.TryParse<Alias>("same", out _) || Enum.TryParse<Alias>("", out _) || Enum.TryParse<Alias>("Nope", out _)) return 19;
            try { Enum.Parse<Plain>("C"); return 20; } catch (ArgumentException) { }
            try { Enum.Parse<Tiny>("300"); return 21; } catch (OverflowException) { }
            if ((Plain)Enum.Parse(typeof(Plain), "B") != Plain.B) return 22;

            if (Enum.GetName(Alias.Other) != "Other" || Enum.GetName((Plain)5) != null) return 23;
            if (!Enum.IsDefined(Tiny.High) || Enum.IsDefined((Tiny)3) || !Enum.IsDefined(typeof(Plain), "A") || Enum.IsDefined(typeof(Plain), 3)) return 24;
            var names = Enum.GetNames<Tiny>();
            if (names.Length != 4 || names[0] != "Zero" || names[1] != "High" || names[2] != "Low" || names[3] != "Minus") return 25;
            var values = Enum.GetValues<Perm>();
            if (values.Length != 5 || values[0] != Perm.None || values[4] != Perm.Exec) return 26;
            if (Enum.Format(typeof(Perm), Perm.Read, "G") != "Read") return 27;

            if (Plain.A.CompareTo(Plain.B) >= 0 || Tiny.Low.CompareTo(Tiny.High) >= 0 || Plain.A.GetHashCode() != 1) return 28;
            object a1 = Plain.A, a2 = Plain.A;
            if (!a1.Equals(a2) || a1.Equals(Plain.B) || a1.Equals(1)) return 29;
            if (Enum.GetUnderlyingType(typeof(Tiny)) != typeof(sbyte) || Enum.GetUnderlyingType(typeof(Wide)) != typeof(ulong)) return 32;
            if ((Perm)Enum.ToObject(typeof(Perm), 6) != (Perm.Write | Perm.Exec) || (Tiny)Enum.ToObject(typeof(Tiny), -1L) != Tiny.Minus) return 33;
            if (Enum.ToObject(typeof(Alias), 2).ToString() != "Other") return 34;
            try { Enum.GetUnderlyingType(typeof(int)); return 35; } catch (ArgumentException) { }

            // The core library's own enums have names too.
            if (StringComparison.OrdinalIgnoreCase.ToString() != "OrdinalIgnoreCase") return 30;
            if ((StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToString() != "RemoveEmptyEntries, TrimEntries") return 31;
            return 100;
        }
    }
}
