using System;
using System.Text;

namespace Nacre.Shell
{
    /// <summary>What one byte fed to a <see cref="LineReader"/> completed.</summary>
    public enum LineStatus
    {
        /// <summary>Nothing yet: the byte was added, edited away or ignored.</summary>
        None,
        /// <summary>A line ended (Enter, or Ctrl-C which abandons it as an empty line).</summary>
        Line,
        /// <summary>Ctrl-D on an empty line: the input has ended.</summary>
        EndOfInput,
    }

    /// <summary>
    /// Line editing for a byte stream from a terminal: printable ASCII is kept and echoed;
    /// Backspace/DEL erase the last character, Ctrl-U the whole line, Ctrl-C abandons it; CR, LF
    /// or CR LF end it; Ctrl-D on an empty line ends the input; escape sequences (arrow keys) and
    /// other control or non-ASCII bytes are ignored. The echo goes to a callback, so the editor
    /// is a pure function of the bytes (the in-kernel tests feed it byte arrays).
    /// </summary>
    public sealed class LineReader
    {
        public const int MaxLength = 255;

        private readonly StringBuilder _line = new StringBuilder(MaxLength + 1);
        private readonly Action<string> _echo;
        private int _escape;        // 0: none; 1: after ESC; 2: inside "ESC [" or "ESC O" up to a final byte
        private bool _afterReturn;  // the last byte was CR: a following LF is the same line end

        public LineReader(Action<string> echo) { _echo = echo; }

        /// <summary>The text typed on the current line so far.</summary>
        public string Pending => _line.ToString();

        /// <summary>Feeds one byte; on <see cref="LineStatus.Line"/>, line is the finished line (else null).</summary>
        public LineStatus Feed(byte b, out string line)
        {
            line = null;
            bool afterReturn = _afterReturn;
            _afterReturn = false;
            if (_escape == 1)
            {
                _escape = b == (byte)'[' || b == (byte)'O' ? 2 : 0;
                return LineStatus.None;
            }
            if (_escape == 2)
            {
                if (b >= 0x40 && b <= 0x7E) _escape = 0;
                return LineStatus.None;
            }

            switch (b)
            {
                case (byte)'\n' when afterReturn:
                    return LineStatus.None;
                case (byte)'\r':
                case (byte)'\n':
                    _afterReturn = b == (byte)'\r';
                    Echo("\n");
                    line = Take();
                    return LineStatus.Line;
                case 0x08:  // Backspace
                case 0x7F:  // DEL, what most terminals send for Backspace
                    if (_line.Length > 0)
                    {
                        _line.Remove(_line.Length - 1, 1);
                        Echo("\b \b");
                    }
                    return LineStatus.None;
                case 0x15:  // Ctrl-U
                    while (_line.Length > 0)
                    {
                        _line.Remove(_line.Length - 1, 1);
                        Echo("\b \b");
                    }
                    return LineStatus.None;
                case 0x03:  // Ctrl-C
                    Echo("^C\n");
                    _line.Clear();
                    line = "";
                    return LineStatus.Line;
                case 0x04:  // Ctrl-D
                    return _line.Length == 0 ? LineStatus.EndOfInput : LineStatus.None;
                case 0x1B:  // ESC
                    _escape = 1;
                    return LineStatus.None;
                case (byte)'\t':
                    b = (byte)' ';
                    break;
            }
            if (b < 0x20 || b > 0x7E) return LineStatus.None;
            if (_line.Length >= MaxLength)
            {
                Echo("\a");
                return LineStatus.None;
            }
            _line.Append((char)b);
            Echo(((char)b).ToString());
            return LineStatus.None;
        }

        private string Take()
        {
            string text = _line.ToString();
            _line.Clear();
            return text;
        }

        private void Echo(string text) => _echo?.Invoke(text);
    }
}
