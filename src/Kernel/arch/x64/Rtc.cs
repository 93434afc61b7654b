namespace Nacre.Arch.X64
{
    /// <summary>The CMOS real-time clock (ports 0x70/0x71): date and time to the second.</summary>
    internal static class Rtc
    {
        /// <summary>Seconds since the Unix epoch (UTC, as QEMU and most firmware keep it), or 0 when the clock reads nonsense.</summary>
        public static ulong ReadSeconds()
        {
            for (int spins = 0; spins < 1_000_000 && (Read(0x0A) & 0x80) != 0; spins++) Cpu.Pause();   // update in progress
            int second = Read(0x00), minute = Read(0x02), hour = Read(0x04), day = Read(0x07), month = Read(0x08), year = Read(0x09);
            int century = Read(0x32);
            if ((Read(0x0B) & 0x04) == 0)
            {
                second = Bcd(second); minute = Bcd(minute); hour = Bcd(hour & 0x7F); day = Bcd(day); month = Bcd(month); year = Bcd(year); century = Bcd(century);
            }
            int fullYear = (century >= 19 && century <= 30 ? century : 20) * 100 + year;
            if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return 0;
            return DaysFromCivil(fullYear, month, day) * 86400UL + (ulong)(hour * 3600 + minute * 60 + second);
        }

        private static int Read(int register)
        {
            Cpu.OutB(0x70, (byte)register);
            return Cpu.InB(0x71);
        }

        private static int Bcd(int v) => (v & 0x0F) + (v >> 4) * 10;

        // Days from 1970-01-01 to the date (proleptic Gregorian).
        private static ulong DaysFromCivil(int y, int m, int d)
        {
            y -= m <= 2 ? 1 : 0;
            int era = (y >= 0 ? y : y - 399) / 400;
            int yoe = y - era * 400;
            int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
            int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            long days = (long)era * 146097 + doe - 719468;
            return days < 0 ? 0 : (ulong)days;
        }
    }
}
