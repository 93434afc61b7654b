using System.Runtime;

namespace Nacre.Personality.Libc
{
    /// <summary>
    /// The scanf family over a string or a stream: conversions d i u o x X c s [ n p f e g a
    /// and %%, assignment suppression (*), field widths, length modifiers hh h l ll L q j z t.
    /// Returns the number of assignments, or EOF when input ended before the first conversion.
    /// </summary>
    public static unsafe class Scanf
    {
        private struct Input
        {
            public byte* String;        // a string source, or null
            public File* Stream;        // a stream source
            public int Consumed;

            public int Get()
            {
                int c;
                if (String != null) { c = *String; if (c == 0) return -1; String++; }
                else { c = Stdio.GetChar(Stream); if (c < 0) return -1; }
                Consumed++;
                return c;
            }

            public void Unget(int c)
            {
                if (c < 0) return;
                Consumed--;
                if (String != null) String--;
                else Stdio.UnGetChar(c, Stream);
            }
        }

        private static bool IsSpace(int c) => c == ' ' || (c >= '\t' && c <= '\r');

        private static int Scan(Input* input, byte* format, VaList* args)
        {
            int assigned = 0;
            bool anyConversion = false;
            for (byte* f = format; *f != 0; f++)
            {
                if (IsSpace(*f))
                {
                    int c;
                    while (IsSpace(c = input->Get())) { }
                    input->Unget(c);
                    continue;
                }
                if (*f != (byte)'%' || f[1] == (byte)'%')
                {
                    if (*f == (byte)'%') f++;
                    int c = input->Get();
                    if (c != *f) { input->Unget(c); return c < 0 && !anyConversion ? -1 : assigned; }
                    continue;
                }
                f++;
                bool suppress = false;
                if (*f == (byte)'*') { suppress = true; f++; }
                int width = 0;
                while (*f >= (byte)'0' && *f <= (byte)'9') width = width * 10 + (*f++ - '0');
                int length = 0;   // 0 int, 1 hh, 2 h, 3 l, 4 ll, 6 L
                if (*f == (byte)'h') { length = 2; f++; if (*f == (byte)'h') { length = 1; f++; } }
                else if (*f == (byte)'l') { length = 3; f++; if (*f == (byte)'l') { length = 4; f++; } }
                else if (*f == (byte)'q' || *f == (byte)'j' || *f == (byte)'z' || *f == (byte)'t') { length = 4; f++; }
                else if (*f == (byte)'L') { length = 6; f++; }
                byte conversion = *f;
                if (conversion == 0) break;

                if (conversion == (byte)'n')
                {
                    if (!suppress) Store(args->NextInteger(), (ulong)input->Consumed, length);
                    continue;
                }
                if (conversion != (byte)'c' && conversion != (byte)'[')
                {
                    int c;
                    while (IsSpace(c = input->Get())) { }
                    if (c < 0) return anyConversion ? assigned : -1;
                    input->Unget(c);
                }
                // Collect the field's characters (at most width; 0 = unlimited) into a buffer.
                byte* field = stackalloc byte[512];
                int n = 0, max = width == 0 ? 511 : (width < 511 ? width : 511);
                switch (conversion)
                {
                    case (byte)'c':
                        {
                            int count = width == 0 ? 1 : width;
                            byte* target = suppress ? null : (byte*)args->NextInteger();
                            for (int i = 0; i < count; i++)
                            {
                                int c = input->Get();
                                if (c < 0) return anyConversion || i > 0 ? assigned : -1;
                                if (target != null) target[i] = (byte)c;
                            }
                            anyConversion = true;
                            if (!suppress) assigned++;
                            continue;
                        }
                    case (byte)'s':
                        {
                            byte* target = suppress ? null : (byte*)args->NextInteger();
                            int c;
                            int i = 0;
                            while ((width == 0 || i < width) && (c = input->Get()) >= 0)
                            {
                                if (IsSpace(c)) { input->Unget(c); break; }
                                if (target != null) target[i] = (byte)c;
                                i++;
                            }
                            if (i == 0) return anyConversion ? assigned : -1;
                            if (target != null) target[i] = 0;
                            anyConversion = true;
                            if (!suppress) assigned++;
                            continue;
                        }
                    case (byte)'[':
                        {
                            f++;
                            bool invert = false;
                            if (*f == (byte)'^') { invert = true; f++; }
                            byte* set = f;
                            if (*f == (byte)']') f++;
                            while (*f != 0 && *f != (byte)']') f++;
                            byte* setEnd = f;
                            byte* target = suppress ? null : (byte*)args->NextInteger();
                            int i = 0, c;
                            while ((width == 0 || i < width) && (c = input->Get()) >= 0)
                            {
                                if (InSet(set, setEnd, (byte)c) == invert) { input->Unget(c); break; }
                                if (target != null) target[i] = (byte)c;
                                i++;
                            }
                            if (i == 0) return anyConversion ? assigned : -1;
                            if (target != null) target[i] = 0;
                            anyConversion = true;
                            if (!suppress) assigned++;
                            continue;
                        }
                }
                // Numbers: take the longest prefix that can be a number of this kind.
                bool floating = conversion == (byte)'f' || conversion == (byte)'e' || conversion == (byte)'g' || conversion == (byte)'a'
                    || conversion == (byte)'E' || conversion == (byte)'G' || conversion == (byte)'F' || conversion == (byte)'A';
                while (n < max)
                {
                    int c = input->Get();
                    if (c < 0) break;
                    bool ok = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') || c == '+' || c == '-' || (c | 0x20) == 'x'
                        || (floating && (c == '.' || (c | 0x20) == 'p' || (c | 0x20) == 'n' || (c | 0x20) == 'i' || (c | 0x20) == 't' || (c | 0x20) == 'y'));
                    if (!ok || ((c == '+' || c == '-') && n > 0 && (field[n - 1] | 0x20) != 'e' && (field[n - 1] | 0x20) != 'p')) { input->Unget(c); break; }
                    field[n++] = (byte)c;
                }
                field[n] = 0;
                byte* end;
                if (floating)
                {
                    double v = FloatParser.Parse(field, &end);
                    if (end == field) return anyConversion ? assigned : -1;
                    PushBack(input, end, field + n);
                    if (!suppress)
                    {
                        ulong target = args->NextInteger();
                        if (length == 3 || length == 6) *(double*)target = v; else *(float*)target = (float)v;
                        assigned++;
                    }
                }
                else
                {
                    int radix = conversion == (byte)'d' || conversion == (byte)'u' ? 10 : conversion == (byte)'o' ? 8
                        : conversion == (byte)'x' || conversion == (byte)'X' || conversion == (byte)'p' ? 16 : 0;
                    ulong v = Stdlib.Parse(field, &end, radix, ulong.MaxValue, out bool negative, out _);
                    if (end == field) return anyConversion ? assigned : -1;
                    PushBack(input, end, field + n);
                    if (negative) v = 0 - v;
                    if (!suppress) { Store(args->NextInteger(), v, conversion == (byte)'p' ? 4 : length); assigned++; }
                }
                anyConversion = true;
            }
            return assigned;
        }

        // Characters read past the end of the number go back to the input (the stream keeps one).
        private static void PushBack(Input* input, byte* end, byte* limit)
        {
            for (byte* q = limit - 1; q >= end; q--) input->Unget(*q);
        }

        private static bool InSet(byte* set, byte* end, byte c)
        {
            for (byte* p = set; p < end; p++)
            {
                if (p + 2 < end && p[1] == (byte)'-' && p != set) { if (c >= p[0] && c <= p[2]) return true; p += 2; continue; }
                if (*p == c) return true;
            }
            return false;
        }

        private static void Store(ulong target, ulong value, int length)
        {
            switch (length)
            {
                case 1: *(byte*)target = (byte)value; break;
                case 2: *(ushort*)target = (ushort)value; break;
                case 3: case 4: *(ulong*)target = value; break;
                default: *(uint*)target = (uint)value; break;
            }
        }

        [LibcExport("vsscanf", "__isoc99_vsscanf")]
        [RuntimeExport("libc_vsscanf")]
        public static int VSScanf(byte* s, byte* format, VaList* args)
        {
            var input = new Input { String = s };
            return Scan(&input, format, args);
        }

        [LibcExport("vfscanf", "__isoc99_vfscanf")]
        [RuntimeExport("libc_vfscanf")]
        public static int VFScanf(File* f, byte* format, VaList* args)
        {
            var input = new Input { Stream = f };
            return Scan(&input, format, args);
        }

        [LibcExport("vscanf", "__isoc99_vscanf")]
        [RuntimeExport("libc_vscanf")]
        public static int VScanf(byte* format, VaList* args) => VFScanf(Stdio.StandardInput, format, args);
    }
}
