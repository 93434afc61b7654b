using Nacre.Arch.X64;

namespace Nacre.Shell
{
    /// <summary>Where the shell's keystrokes come from.</summary>
    public interface IConsoleInput
    {
        /// <summary>The next byte if one is waiting, without blocking.</summary>
        bool TryRead(out byte b);
    }

    /// <summary>The serial console's receive side (COM1, polled: no interrupt is involved).</summary>
    public sealed class SerialConsoleInput : IConsoleInput
    {
        public bool TryRead(out byte b) => Serial.TryRead(out b);
    }
}
