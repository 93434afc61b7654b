using System.Runtime.CompilerServices;
using System.Text;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    // Enum values as text, as .NET prints them: the member's name, "A, B" for a combination of a
    // [Flags] enum's members, the number when no name fits. The names come from the tables the
    // source generator compiles in (EnumNameTables.cs); an enum without one prints numbers.
    public abstract unsafe partial class Enum : IFormattable
    {
        public override string ToString() => Format(this.GetMethodTable(), RawBits(), 'G');

        public string ToString(string format) => Format(this.GetMethodTable(), RawBits(), FormatChar(format));

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        // As the underlying integer's hash, so equal values of one enum hash alike.
        public override int GetHashCode()
        {
            long v = SignExtend(this.GetMethodTable(), RawBits());
            return (int)v ^ (int)(v >> 32);
        }

        /// <summary>Compares the underlying values (signed or unsigned as the underlying type); null sorts first.</summary>
        public int CompareTo(object target)
        {
            if (target == null) return 1;
            MethodTable* type = this.GetMethodTable();
            if (target.GetMethodTable() != type) ThrowHelpers.ThrowArgumentException("Object must be the same type as the enum.");
            ulong a = RawBits(), b = ((Enum)target).RawBits();
            if (IsSigned(type)) return SignExtend(type, a).CompareTo(SignExtend(type, b));
            return a.CompareTo(b);
        }

        public static string Format(Type enumType, object value, string format)
        {
            MethodTable* type = EnumTypeOf(enumType);
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            if (format == null) ThrowHelpers.ThrowArgumentNullException("format");
            return Format(type, BitsOfValue(type, value), FormatChar(format));
        }

        private static char FormatChar(string format)
        {
            if (string.IsNullOrEmpty(format)) return 'G';
            if (format.Length == 1)
            {
                char c = (char)(format[0] & ~0x20);
                if (c == 'G' || c == 'D' || c == 'X' || c == 'F') return c;
            }
            throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }

        internal static string Format(MethodTable* type, ulong bits, char format)
        {
            if (format == 'D') return NumberText(type, bits);
            if (format == 'X') return System.Number.FormatUInt64(bits, "X" + System.Number.UInt64ToString((ulong)(2 * SizeOf(type))), 2 * SizeOf(type));
            EnumNameTable table = EnumNameTables.Find(type);
            if (table == null) return NumberText(type, bits);
            if (format == 'G' && !table.IsFlags)
            {
                int i = IndexOfValue(table, bits);
                return i >= 0 ? table.Names[i] : NumberText(type, bits);
            }
            return FlagNames(table, bits) ?? NumberText(type, bits);
        }

        private static string NumberText(MethodTable* type, ulong bits) =>
            IsSigned(type) ? System.Number.Int64ToString(SignExtend(type, bits)) : System.Number.UInt64ToString(bits);

        /// <summary>The first member with exactly this value, or -1.</summary>
        internal static int IndexOfValue(EnumNameTable table, ulong bits)
        {
            ulong[] values = table.Values;
            for (int i = 0; i < values.Length && values[i] <= bits; i++)
                if (values[i] == bits) return i;
            return -1;
        }

        // .NET's algorithm: an exact member wins; otherwise the members are taken from the largest
        // value down, each whose bits are all still set, until none are left (null if some stay).
        // Zero is the zero member's name, or "0".
        private static string FlagNames(EnumNameTable table, ulong bits)
        {
            string[] names = table.Names;
            ulong[] values = table.Values;
            if (bits == 0) return values.Length > 0 && values[0] == 0 ? names[0] : "0";
            int i = values.Length - 1;
            while (i >= 0 && values[i] > bits) i--;
            if (i >= 0 && values[i] == bits) return names[i];
            Span<int> found = stackalloc int[64];
            int count = 0;
            ulong rest = bits;
            for (; i >= 0 && !(i == 0 && values[0] == 0); i--)
            {
                if ((rest & values[i]) != values[i]) continue;
                rest &= ~values[i];
                found[count++] = i;
                if (rest == 0) break;
            }
            if (rest != 0) return null;
            var sb = new StringBuilder();
            for (int k = count - 1; k >= 0; k--)
            {
                sb.Append(names[found[k]]);
                if (k != 0) sb.Append(", ");
            }
            return sb.ToString();
        }

        internal static int SizeOf(MethodTable* type) => (int)type->ValueTypeSize;

        internal static bool IsSigned(MethodTable* type)
        {
            ElementType e = type->ElementType;
            return e == ElementType.SByte || e == ElementType.Int16 || e == ElementType.Int32 || e == ElementType.Int64 || e == ElementType.IntPtr;
        }

        internal static long SignExtend(MethodTable* type, ulong bits)
        {
            if (!IsSigned(type)) return (long)bits;
            int shift = 64 - 8 * SizeOf(type);
            return (long)(bits << shift) >> shift;
        }

        /// <summary>Zero-extended bits of an enum or integer of any width at `data`.</summary>
        internal static ulong ReadBits(ref byte data, int size) => size switch
        {
            1 => data,
            2 => Unsafe.As<byte, ushort>(ref data),
            4 => Unsafe.As<byte, uint>(ref data),
            _ => Unsafe.As<byte, ulong>(ref data),
        };
    }
}
