using System.Runtime;
using Nacre.Arch.X64;

namespace Nacre.Devices
{
    /// <summary>The kernel console: UTF-16 text from Console.Write, sent as UTF-8 to the serial port.</summary>
    public static unsafe class KernelConsole
    {
        [RuntimeExport("nacre_console_write")]
        public static void Write(char* text, int length)
        {
            byte* chunk = stackalloc byte[Chunk + 4];
            int n = 0;
            for (int i = 0; i < length; i++)
            {
                n += EncodeUtf8(text, length, ref i, chunk + n);
                if (n >= Chunk) { WriteBytes(chunk, n); n = 0; }
            }
            WriteBytes(chunk, n);
        }

        // UTF-8 of the character at text[i] (a surrogate pair advances i past its second half).
        private static int EncodeUtf8(char* text, int length, ref int i, byte* output)
        {
            uint c = text[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                c = 0x10000 + ((c - 0xD800) << 10) + (uint)(text[++i] - 0xDC00);
            if (c < 0x80) { output[0] = (byte)c; return 1; }
            if (c < 0x800) { output[0] = (byte)(0xC0 | (c >> 6)); output[1] = (byte)(0x80 | (c & 0x3F)); return 2; }
            if (c < 0x10000)
            {
                output[0] = (byte)(0xE0 | (c >> 12));
                output[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                output[2] = (byte)(0x80 | (c & 0x3F));
                return 3;
            }
            output[0] = (byte)(0xF0 | (c >> 18));
            output[1] = (byte)(0x80 | ((c >> 12) & 0x3F));
            output[2] = (byte)(0x80 | ((c >> 6) & 0x3F));
            output[3] = (byte)(0x80 | (c & 0x3F));
            return 4;
        }

        /// <summary>Writes ASCII text without allocating (safe in panics and before the heap exists).</summary>
        public static void WriteAscii(string s)
        {
            if (s == null) return;
            byte* chunk = stackalloc byte[Chunk];
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                chunk[n++] = (byte)s[i];
                if (n == Chunk) { WriteBytes(chunk, n); n = 0; }
            }
            WriteBytes(chunk, n);
        }

        public static void WriteCString(byte* s)
        {
            if (s == null) return;
            int n = 0;
            while (s[n] != 0) n++;
            WriteBytes(s, n);
        }

        public static void WriteHex(ulong value, int digits = 16)
        {
            byte* buf = stackalloc byte[16];
            if (digits > 16) digits = 16;
            for (int i = digits - 1; i >= 0; i--)
            {
                int d = (int)((value >> (i * 4)) & 0xF);
                buf[digits - 1 - i] = (byte)(d < 10 ? '0' + d : 'a' + d - 10);
            }
            WriteBytes(buf, digits);
        }

        public static void WriteDecimal(long value)
        {
            byte* buf = stackalloc byte[21];
            int n = 21;
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            do { buf[--n] = (byte)('0' + magnitude % 10); magnitude /= 10; } while (magnitude != 0);
            if (value < 0) buf[--n] = (byte)'-';
            WriteBytes(buf + n, 21 - n);
        }

        private const int Chunk = 128;

        /// <summary>
        /// Writes bytes as they are (UTF-8 text from a program's stdout/stderr). Under the HVM the
        /// VMM reads the text at its guest-physical address, which only the kernel's own memory
        /// has as its virtual address too: other text goes through a buffer here, a page at a time.
        /// </summary>
        public static void WriteUtf8(byte* bytes, int n)
        {
            if (!Platform.IsHvm || (ulong)bytes + (ulong)n <= Memory.Paging.IdentityLimit) { WriteBytes(bytes, n); return; }
            byte* buffer = stackalloc byte[PageChunk];
            for (int done = 0; done < n; done += PageChunk)
            {
                int piece = n - done < PageChunk ? n - done : PageChunk;
                for (int i = 0; i < piece; i++) buffer[i] = bytes[done + i];
                WriteBytes(buffer, piece);
            }
        }

        private const int PageChunk = 4096;

        // Under the HVM each write is one exit to the VMM (tens of microseconds on kvm-pvm): a
        // whole piece of text goes out at once, never byte by byte.
        private static void WriteBytes(byte* bytes, int n)
        {
            if (n <= 0) return;
            if (Platform.IsHvm) { Hypercall.Write(bytes, (ulong)n); return; }
            for (int i = 0; i < n; i++) WriteByte(bytes[i]);
        }

        private static void WriteByte(byte b)
        {
            if (b == (byte)'\n' && !Platform.IsHvm) Serial.Write((byte)'\r');
            Serial.Write(b);
        }
    }
}
