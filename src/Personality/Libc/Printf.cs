using System.Runtime;
using Nacre.Memory;

namespace Nacre.Personality.Libc
{
    /// <summary>
    /// The printf family: one formatting engine (conversions d i u o x X c s p n % f F e E g G a
    /// A, flags - + space # 0, width and precision with *, length modifiers hh h l ll z j t L q)
    /// into a growable buffer, and the v-functions over it. The variadic entry points are the
    /// shims in personality.S, which build a va_list and call the v-functions here.
    /// </summary>
    public static unsafe class Printf
    {
        /// <summary>A growable output buffer (kernel heap).</summary>
        public struct Output
        {
            public byte* Bytes;
            public int Length, Capacity;

            public void Put(byte b)
            {
                if (Length == Capacity) Grow(Length + 1);
                Bytes[Length++] = b;
            }

            public void Put(byte* s, int n)
            {
                if (Length + n > Capacity) Grow(Length + n);
                for (int i = 0; i < n; i++) Bytes[Length + i] = s[i];
                Length += n;
            }

            public void Repeat(byte b, int n) { for (int i = 0; i < n; i++) Put(b); }

            private void Grow(int needed)
            {
                int capacity = Capacity < 256 ? 256 : Capacity * 2;
                while (capacity < needed) capacity *= 2;
                byte* bigger = (byte*)Heap.Alloc((nuint)capacity);
                for (int i = 0; i < Length; i++) bigger[i] = Bytes[i];
                if (Bytes != null) Heap.Free(Bytes);
                Bytes = bigger;
                Capacity = capacity;
            }

            public void Release() { if (Bytes != null) Heap.Free(Bytes); Bytes = null; Length = Capacity = 0; }
        }

        private struct Spec
        {
            public bool Left, Plus, Space, Alternate, Zero;
            public int Width, Precision;   // Precision -1: not given
            public int Length;             // 0 int, 1 hh, 2 h, 3 l, 4 ll/q/j, 5 z/t, 6 L
        }

        /// <summary>Formats format with args into output; returns the number of bytes (or -1 on a bad format).</summary>
        public static int Format(Output* output, byte* format, VaList* args)
        {
            int start = output->Length;
            for (byte* p = format; *p != 0; p++)
            {
                if (*p != (byte)'%') { output->Put(*p); continue; }
                p++;
                if (*p == (byte)'%') { output->Put((byte)'%'); continue; }
                var spec = new Spec { Precision = -1 };
                for (; ; p++)
                {
                    if (*p == (byte)'-') spec.Left = true;
                    else if (*p == (byte)'+') spec.Plus = true;
                    else if (*p == (byte)' ') spec.Space = true;
                    else if (*p == (byte)'#') spec.Alternate = true;
                    else if (*p == (byte)'0') spec.Zero = true;
                    else if (*p == (byte)'\'' || *p == (byte)'I') { }
                    else break;
                }
                if (*p == (byte)'*')
                {
                    int w = (int)args->NextInteger();
                    if (w < 0) { spec.Left = true; w = -w; }
                    spec.Width = w;
                    p++;
                }
                else while (*p >= (byte)'0' && *p <= (byte)'9') spec.Width = spec.Width * 10 + (*p++ - '0');
                if (*p == (byte)'.')
                {
                    p++;
                    spec.Precision = 0;
                    if (*p == (byte)'*') { spec.Precision = (int)args->NextInteger(); if (spec.Precision < 0) spec.Precision = -1; p++; }
                    else while (*p >= (byte)'0' && *p <= (byte)'9') spec.Precision = spec.Precision * 10 + (*p++ - '0');
                }
                if (*p == (byte)'h') { spec.Length = 2; p++; if (*p == (byte)'h') { spec.Length = 1; p++; } }
                else if (*p == (byte)'l') { spec.Length = 3; p++; if (*p == (byte)'l') { spec.Length = 4; p++; } }
                else if (*p == (byte)'q' || *p == (byte)'j') { spec.Length = 4; p++; }
                else if (*p == (byte)'z' || *p == (byte)'t') { spec.Length = 5; p++; }
                else if (*p == (byte)'L') { spec.Length = 6; p++; }

                byte c = *p;
                switch (c)
                {
                    case (byte)'d': case (byte)'i':
                        {
                            long v = (long)args->NextInteger();
                            if (spec.Length == 0) v = (int)v; else if (spec.Length == 1) v = (sbyte)v; else if (spec.Length == 2) v = (short)v;
                            Integer(output, &spec, v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v, v < 0, 10, false);
                            break;
                        }
                    case (byte)'u': case (byte)'o': case (byte)'x': case (byte)'X':
                        {
                            ulong v = args->NextInteger();
                            if (spec.Length == 0) v = (uint)v; else if (spec.Length == 1) v = (byte)v; else if (spec.Length == 2) v = (ushort)v;
                            Integer(output, &spec, v, false, c == (byte)'u' ? 10u : c == (byte)'o' ? 8u : 16u, c == (byte)'X');
                            break;
                        }
                    case (byte)'p':
                        {
                            ulong v = args->NextInteger();
                            if (v == 0) { Pad(output, &spec, Nil, 5); break; }
                            spec.Alternate = true;
                            spec.Length = 4;
                            Integer(output, &spec, v, false, 16, false);
                            break;
                        }
                    case (byte)'c':
                        {
                            byte ch = (byte)args->NextInteger();
                            spec.Precision = -1;
                            Pad(output, &spec, &ch, 1);
                            break;
                        }
                    case (byte)'s':
                        {
                            byte* s = (byte*)args->NextInteger();
                            if (s == null) s = NullText;
                            int n = spec.Precision >= 0 ? (int)Strings.StrNLen(s, (ulong)spec.Precision) : (int)CString.Length(s);
                            Pad(output, &spec, s, n);
                            break;
                        }
                    case (byte)'n':
                        {
                            ulong target = args->NextInteger();
                            int written = output->Length - start;
                            if (spec.Length == 3 || spec.Length == 4 || spec.Length == 5) *(long*)target = written;
                            else if (spec.Length == 2) *(short*)target = (short)written;
                            else if (spec.Length == 1) *(sbyte*)target = (sbyte)written;
                            else *(int*)target = written;
                            break;
                        }
                    case (byte)'f': case (byte)'F': case (byte)'e': case (byte)'E': case (byte)'g': case (byte)'G': case (byte)'a': case (byte)'A':
                        {
                            double v = spec.Length == 6 ? args->NextLongDouble() : args->NextDouble();
                            FloatingPoint.Format(output, v, c, spec.Left, spec.Plus, spec.Space, spec.Alternate, spec.Zero, spec.Width, spec.Precision);
                            break;
                        }
                    case 0:
                        return output->Length - start;
                    default:
                        // An unknown conversion is printed as it was written, as glibc does.
                        output->Put((byte)'%');
                        output->Put(c);
                        break;
                }
            }
            return output->Length - start;
        }

        private static readonly byte* NullText = CString.FromManaged("(null)");
        private static readonly byte* Nil = CString.FromManaged("(nil)");

        // Text padded to the width (precision is for the caller to apply).
        private static void Pad(Output* output, Spec* spec, byte* s, int n)
        {
            int pad = spec->Width > n ? spec->Width - n : 0;
            if (!spec->Left) output->Repeat((byte)' ', pad);
            output->Put(s, n);
            if (spec->Left) output->Repeat((byte)' ', pad);
        }

        private static void Integer(Output* output, Spec* spec, ulong magnitude, bool negative, uint radix, bool upper)
        {
            byte* digits = stackalloc byte[24];
            int n = 0;
            bool nonzero = magnitude != 0;
            if (magnitude != 0 || spec->Precision != 0)
                do
                {
                    uint d = (uint)(magnitude % radix);
                    digits[n++] = (byte)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
                    magnitude /= radix;
                }
                while (magnitude != 0);
            int zeros = spec->Precision > n ? spec->Precision - n : 0;
            if (radix == 8 && spec->Alternate && zeros == 0 && (n == 0 || digits[n - 1] != (byte)'0')) zeros = 1;
            byte* prefix = stackalloc byte[2];
            int prefixLength = 0;
            if (negative) prefix[prefixLength++] = (byte)'-';
            else if (spec->Plus && radix == 10) prefix[prefixLength++] = (byte)'+';
            else if (spec->Space && radix == 10) prefix[prefixLength++] = (byte)' ';
            if (radix == 16 && spec->Alternate && nonzero)
            {
                prefix[0] = (byte)'0';
                prefix[1] = upper ? (byte)'X' : (byte)'x';
                prefixLength = 2;
            }
            int body = prefixLength + zeros + n;
            int pad = spec->Width > body ? spec->Width - body : 0;
            if (spec->Zero && !spec->Left && spec->Precision < 0) { zeros += pad; pad = 0; }
            if (!spec->Left) output->Repeat((byte)' ', pad);
            output->Put(prefix, prefixLength);
            output->Repeat((byte)'0', zeros);
            for (int i = n - 1; i >= 0; i--) output->Put(digits[i]);
            if (spec->Left) output->Repeat((byte)' ', pad);
        }

        [LibcExport("vsnprintf")]
        [RuntimeExport("libc_vsnprintf")]
        public static int VSNPrintf(byte* buffer, ulong size, byte* format, VaList* args)
        {
            var output = new Output();
            int n = Format(&output, format, args);
            if (size > 0)
            {
                ulong copy = (ulong)n < size - 1 ? (ulong)n : size - 1;
                for (ulong i = 0; i < copy; i++) buffer[i] = output.Bytes[i];
                buffer[copy] = 0;
            }
            output.Release();
            return n;
        }

        [LibcExport("vsprintf")]
        [RuntimeExport("libc_vsprintf")]
        public static int VSPrintf(byte* buffer, byte* format, VaList* args) => VSNPrintf(buffer, int.MaxValue, format, args);

        [LibcExport("vasprintf")]
        [RuntimeExport("libc_vasprintf")]
        public static int VASPrintf(byte** result, byte* format, VaList* args)
        {
            var output = new Output();
            int n = Format(&output, format, args);
            byte* s = (byte*)Malloc.Allocate((ulong)n + 1);
            if (s == null) { output.Release(); return -1; }
            for (int i = 0; i < n; i++) s[i] = output.Bytes[i];
            s[n] = 0;
            output.Release();
            *result = s;
            return n;
        }

        [LibcExport("vdprintf")]
        [RuntimeExport("libc_vdprintf")]
        public static int VDPrintf(int fd, byte* format, VaList* args)
        {
            var output = new Output();
            int n = Format(&output, format, args);
            long written = Posix.FileCalls.WriteTo(fd, output.Bytes, (ulong)n);
            output.Release();
            return written < 0 ? Errno.Fail((int)-written) : n;
        }

        [LibcExport("vfprintf")]
        [RuntimeExport("libc_vfprintf")]
        public static int VFPrintf(File* f, byte* format, VaList* args)
        {
            var output = new Output();
            int n = Format(&output, format, args);
            bool ok = Stdio.WriteAll(f, output.Bytes, (ulong)n);
            output.Release();
            return ok ? n : -1;
        }

        [LibcExport("vprintf")]
        [RuntimeExport("libc_vprintf")]
        public static int VPrintf(byte* format, VaList* args) => VFPrintf(Stdio.StandardOutput, format, args);
    }
}
