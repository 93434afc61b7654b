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
            for (int i = 0; i < length; i++)
            {
                uint c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (uint)(text[++i] - 0xDC00);
                }
                if (c < 0x80) WriteByte((byte)c);
                else if (c < 0x800) { WriteByte((byte)(0xC0 | (c >> 6))); WriteByte((byte)(0x80 | (c & 0x3F))); }
                else if (c < 0x10000)
                {
                    WriteByte((byte)(0xE0 | (c >> 12)));
                    WriteByte((byte)(0x80 | ((c >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (c & 0x3F)));
                }
                else
                {
                    WriteByte((byte)(0xF0 | (c >> 18)));
                    WriteByte((byte)(0x80 | ((c >> 12) & 0x3F)));
                    WriteByte((byte)(0x80 | ((c >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (c & 0x3F)));
                }
            }
        }

        /// <summary>Writes ASCII text without allocating (safe in panics and before the heap exists).</summary>
        public static void WriteAscii(string s)
        {
            if (s == null) return;
            for (int i = 0; i < s.Length; i++) WriteByte((byte)s[i]);
        }

        public static void WriteCString(byte* s)
        {
            if (s == null) return;
            for (; *s != 0; s++) WriteByte(*s);
        }

        public static void WriteHex(ulong value, int digits = 16)
        {
            for (int i = digits - 1; i >= 0; i--)
            {
                int d = (int)((value >> (i * 4)) & 0xF);
                WriteByte((byte)(d < 10 ? '0' + d : 'a' + d - 10));
            }
        }

        public static void WriteDecimal(long value)
        {
            if (value < 0) { WriteByte((byte)'-'); value = -value; }
            byte* buf = stackalloc byte[20];
            int n = 0;
            do { buf[n++] = (byte)('0' + value % 10); value /= 10; } while (value != 0);
            while (n > 0) WriteByte(buf[--n]);
        }

        private static void WriteByte(byte b)
        {
            if (b == (byte)'\n') Serial.Write((byte)'\r');
            Serial.Write(b);
        }
    }
}
