using System;
using Nacre.Diagnostics;

namespace Nacre.Hvm
{
    /// <summary>
    /// An exception that escaped an export, told to the host (docs/hvm.md, "Exceptions"): the
    /// serving CPU writes a report into its own buffer, puts the buffer's address in the mailbox's
    /// Result and answers with Done = request | InvokeMailbox.Failed. The report is a 64-bit byte count, then
    /// UTF-8 fields separated by NUL: the exception's type, its message, then one line per frame
    /// it passed ("0x… symbol+0x…"), innermost first. The host copies it before the next call.
    /// </summary>
    internal static unsafe class InvokeFailure
    {
        public const int ReportBytes = 4096;

        /// <summary>Writes e's report into buffer (ReportBytes long, truncating if need be).</summary>
        public static void Write(Exception e, byte* buffer)
        {
            var w = new Writer(buffer + 8, ReportBytes - 8);
            w.Text(Symbols.TypeName(e) ?? "System.Exception");
            w.Byte(0);
            w.Text(e.Message);
            int count = Internal.Runtime.ExceptionStackTrace.Count(e);
            for (int i = 0; i < count; i++)
            {
                ulong address = Internal.Runtime.ExceptionStackTrace.Address(e, i);
                w.Byte(0);
                w.Text("0x");
                w.Text(address.ToString("x16"));
                byte* name = Symbols.Find(address, out ulong offset);
                if (name == null) continue;
                w.Byte((byte)' ');
                while (*name != 0) w.Byte(*name++);
                w.Text("+0x");
                w.Text(offset.ToString("x"));
            }
            *(ulong*)buffer = (ulong)w.Length;
        }

        private struct Writer
        {
            private readonly byte* _start;
            private readonly int _capacity;
            public int Length;

            public Writer(byte* start, int capacity) { _start = start; _capacity = capacity; Length = 0; }

            public void Byte(byte b)
            {
                if (Length < _capacity) _start[Length++] = b;
            }

            // UTF-16 to UTF-8; an unpaired surrogate becomes '?'.
            public void Text(string s)
            {
                if (s == null) return;
                for (int i = 0; i < s.Length; i++)
                {
                    int c = s[i];
                    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                        c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
                    else if (c >= 0xD800 && c <= 0xDFFF) c = '?';
                    if (c == 0) c = ' ';        // NUL separates the fields
                    if (c < 0x80) Byte((byte)c);
                    else if (c < 0x800) { Byte((byte)(0xC0 | (c >> 6))); Byte((byte)(0x80 | (c & 0x3F))); }
                    else if (c < 0x10000) { Byte((byte)(0xE0 | (c >> 12))); Byte((byte)(0x80 | ((c >> 6) & 0x3F))); Byte((byte)(0x80 | (c & 0x3F))); }
                    else
                    {
                        Byte((byte)(0xF0 | (c >> 18))); Byte((byte)(0x80 | ((c >> 12) & 0x3F)));
                        Byte((byte)(0x80 | ((c >> 6) & 0x3F))); Byte((byte)(0x80 | (c & 0x3F)));
                    }
                }
            }
        }
    }
}
