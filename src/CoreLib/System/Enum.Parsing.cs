using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System
{
    // Enum's static members over the compiled-in name tables: names and values, IsDefined, Parse.
    public abstract unsafe partial class Enum
    {
        public static string GetName<TEnum>(TEnum value) where TEnum : struct, Enum =>
            NameOf(MethodTable.Of<TEnum>(), BitsOf(value));

        public static string GetName(Type enumType, object value)
        {
            MethodTable* type = EnumTypeOf(enumType);
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            return NameOf(type, BitsOfValue(type, value));
        }

        public static string[] GetNames<TEnum>() where TEnum : struct, Enum
        {
            EnumNameTable table = EnumNameTables.Find(MethodTable.Of<TEnum>());
            if (table == null) return new string[0];
            var names = new string[table.Names.Length];
            for (int i = 0; i < names.Length; i++) names[i] = table.Names[i];
            return names;
        }

        /// <summary>The members' values in ascending order (of their unsigned bits, as .NET).</summary>
        public static TEnum[] GetValues<TEnum>() where TEnum : struct, Enum
        {
            EnumNameTable table = EnumNameTables.Find(MethodTable.Of<TEnum>());
            var values = new TEnum[table == null ? 0 : table.Values.Length];
            for (int i = 0; i < values.Length; i++) values[i] = FromBits<TEnum>(table.Values[i]);
            return values;
        }

        public static Type GetUnderlyingType(Type enumType) => EnumTypeOf(enumType)->ElementType switch
        {
            ElementType.SByte => typeof(sbyte), ElementType.Byte => typeof(byte),
            ElementType.Int16 => typeof(short), ElementType.UInt16 => typeof(ushort),
            ElementType.Int32 => typeof(int), ElementType.UInt32 => typeof(uint),
            ElementType.Int64 => typeof(long), ElementType.UInt64 => typeof(ulong),
            ElementType.Char => typeof(char), ElementType.Boolean => typeof(bool),
            _ => typeof(nint),
        };

        /// <summary>A boxed enum of the type with the value's bits (an integer, or an enum of the same type), cut to its width.</summary>
        public static object ToObject(Type enumType, object value)
        {
            MethodTable* type = EnumTypeOf(enumType);
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            ulong bits = BitsOfValue(type, value);
            return RuntimeExports.RhBox(type, ref Unsafe.As<ulong, byte>(ref bits));
        }

        public static object ToObject(Type enumType, long value) => ToObject(enumType, (object)value);
        public static object ToObject(Type enumType, int value) => ToObject(enumType, (object)value);

        public static bool IsDefined<TEnum>(TEnum value) where TEnum : struct, Enum => NameOf(MethodTable.Of<TEnum>(), BitsOf(value)) != null;

        /// <summary>value: a member's name, or a value of the enum or of its underlying type.</summary>
        public static bool IsDefined(Type enumType, object value)
        {
            MethodTable* type = EnumTypeOf(enumType);
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            if (value is string name)
            {
                EnumNameTable table = EnumNameTables.Find(type);
                if (table != null)
                    foreach (string n in table.Names)
                        if (n == name) return true;
                return false;
            }
            return NameOf(type, BitsOfValue(type, value)) != null;
        }

        public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum => Parse<TEnum>(value, false);

        public static TEnum Parse<TEnum>(string value, bool ignoreCase) where TEnum : struct, Enum =>
            FromBits<TEnum>(ParseBits(MethodTable.Of<TEnum>(), value, ignoreCase, true));

        public static object Parse(Type enumType, string value) => Parse(enumType, value, false);

        public static object Parse(Type enumType, string value, bool ignoreCase)
        {
            MethodTable* type = EnumTypeOf(enumType);
            ulong bits = ParseBits(type, value, ignoreCase, true);
            return RuntimeExports.RhBox(type, ref Unsafe.As<ulong, byte>(ref bits));
        }

        public static bool TryParse<TEnum>(string value, out TEnum result) where TEnum : struct, Enum => TryParse(value, false, out result);

        public static bool TryParse<TEnum>(string value, bool ignoreCase, out TEnum result) where TEnum : struct, Enum
        {
            MethodTable* type = MethodTable.Of<TEnum>();
            bool ok = TryParseBits(type, value, ignoreCase, out ulong bits) == ParseResult.Ok;
            result = ok ? FromBits<TEnum>(bits) : default;
            return ok;
        }

        private enum ParseResult { Ok, Empty, NotFound, Overflow }

        private static ulong ParseBits(MethodTable* type, string value, bool ignoreCase, bool throwOnFailure)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            switch (TryParseBits(type, value, ignoreCase, out ulong bits))
            {
                case ParseResult.Empty:
                    throw new ArgumentException("Must specify valid information for parsing in the string.");
                case ParseResult.NotFound:
                    throw new ArgumentException("Requested value '" + value + "' was not found.");
                case ParseResult.Overflow:
                    throw new OverflowException("Value was either too large or too small for the enum's underlying type.");
            }
            return bits;
        }

        // As .NET: surrounding white space is ignored; text that starts like a number is the
        // underlying integer; otherwise comma-separated member names whose values are combined.
        private static ParseResult TryParseBits(MethodTable* type, string value, bool ignoreCase, out ulong bits)
        {
            bits = 0;
            if (value == null) return ParseResult.NotFound;
            ReadOnlySpan<char> text = value.AsSpan();
            int start = 0, end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (start == end) return ParseResult.Empty;
            text = text.Slice(start, end - start);

            int size = SizeOf(type);
            char first = text[0];
            if (char.IsDigit(first) || first == '-' || first == '+')
            {
                var status = System.Number.ParseInteger(text, NumberStyles.AllowLeadingSign, 8 * size, IsSigned(type), out bits);
                if (status == System.Number.ParseStatus.Ok)
                {
                    if (size < 8) bits &= (1UL << (8 * size)) - 1;
                    return ParseResult.Ok;
                }
                if (status == System.Number.ParseStatus.Overflow) return ParseResult.Overflow;
            }

            EnumNameTable table = EnumNameTables.Find(type);
            if (table == null) return ParseResult.NotFound;
            while (true)
            {
                int comma = 0;
                while (comma < text.Length && text[comma] != ',') comma++;
                if (comma == text.Length) comma = -1;
                ReadOnlySpan<char> part = comma < 0 ? text : text.Slice(0, comma);
                int s = 0, e = part.Length;
                while (s < e && char.IsWhiteSpace(part[s])) s++;
                while (e > s && char.IsWhiteSpace(part[e - 1])) e--;
                part = part.Slice(s, e - s);
                int found = -1;
                for (int i = 0; i < table.Names.Length && found < 0; i++)
                    if (NameMatches(part, table.Names[i], ignoreCase)) found = i;
                if (found < 0) return ParseResult.NotFound;
                bits |= table.Values[found];
                if (comma < 0) return ParseResult.Ok;
                text = text.Slice(comma + 1);
            }
        }

        // Ordinal, folding ASCII case when asked (string comparison in this library is ordinal).
        private static bool NameMatches(ReadOnlySpan<char> text, string name, bool ignoreCase)
        {
            if (text.Length != name.Length) return false;
            for (int i = 0; i < text.Length; i++)
            {
                char a = text[i], b = name[i];
                if (a != b && !(ignoreCase && char.ToUpper(a) == char.ToUpper(b))) return false;
            }
            return true;
        }

        private static string NameOf(MethodTable* type, ulong bits)
        {
            EnumNameTable table = EnumNameTables.Find(type);
            if (table == null) return null;
            int i = IndexOfValue(table, bits);
            return i < 0 ? null : table.Names[i];
        }

        private static ulong BitsOf<TEnum>(TEnum value) => ReadBits(ref Unsafe.As<TEnum, byte>(ref value), Unsafe.SizeOf<TEnum>());

        private static TEnum FromBits<TEnum>(ulong bits)
        {
            // Little-endian: the low bytes of the 64-bit value are the narrower value.
            return Unsafe.As<ulong, TEnum>(ref bits);
        }

        private static MethodTable* EnumTypeOf(Type enumType)
        {
            if (enumType == null) ThrowHelpers.ThrowArgumentNullException("enumType");
            MethodTable* type = (MethodTable*)enumType.MethodTableAddress;
            // An enum is a value type whose element type is an integer; no other value type outside the primitives is.
            if (!type->IsPrimitive || type->BaseType != MethodTable.Of<Enum>()) ThrowHelpers.ThrowArgumentException("Type provided must be an Enum.");
            return type;
        }

        /// <summary>The bits of a boxed value of the enum itself or of an integer type, cut to the enum's width.</summary>
        private static ulong BitsOfValue(MethodTable* type, object value)
        {
            MethodTable* valueType = value.GetMethodTable();
            if (!valueType->IsPrimitive || valueType->ElementType > ElementType.UInt64 || valueType->ElementType < ElementType.SByte)
                ThrowHelpers.ThrowArgumentException("The value passed in must be an enum base or an underlying type for an enum, such as an Int32.");
            if (valueType->BaseType == MethodTable.Of<Enum>() && valueType != type)
                ThrowHelpers.ThrowArgumentException("Object must be the same type as the enum.");
            ulong bits = (ulong)SignExtend(valueType, ReadBits(ref value.GetRawData(), SizeOf(valueType)));
            int size = SizeOf(type);
            return size < 8 ? bits & ((1UL << (8 * size)) - 1) : bits;
        }
    }
}
