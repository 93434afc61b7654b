using Nacre.Memory;
using Nacre.Sync;

namespace Nacre.Personality.Libc
{
    /// <summary>
    /// The program's environment: a NULL-terminated array of "NAME=value" strings, exported as
    /// `environ`/`__environ` and edited by setenv/unsetenv. It starts with the defaults below plus
    /// the kernel's `env=NAME=value` words (nacre run --env).
    /// </summary>
    public static unsafe class ProcessEnvironment
    {
        private static byte** s_block;
        private static int s_count, s_capacity;
        private static ulong s_environCell;     // the exported `environ` variable itself
        private static SpinLock s_lock;

        /// <summary>
        /// ICU is not there: .NET's globalization runs in invariant mode, as on a Linux machine
        /// without ICU when told so (otherwise the runtime refuses to start).
        /// </summary>
        private static readonly string[] s_defaults = { "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1" };

        public static byte** Block => s_block;

        public static void Initialize()
        {
            s_capacity = 32;
            s_block = (byte**)Heap.Alloc((nuint)(8 * s_capacity));
            foreach (string v in s_defaults) Put(CString.FromManaged(v));
            foreach (string word in Nacre.Boot.CommandLine.Split(Nacre.Boot.BootInfo.CommandLine))
                if (word.StartsWith("env=")) Put(CString.FromManaged(word.Substring(4)));
            fixed (ulong* cell = &s_environCell)
            {
                *cell = (ulong)s_block;
                Elf.PersonalitySymbols.Add("environ", (ulong)cell);
                Elf.PersonalitySymbols.Add("__environ", (ulong)cell);
            }
        }

        // Adds or replaces NAME=value (the string is kept, not copied).
        private static void Put(byte* entry)
        {
            int nameLength = 0;
            while (entry[nameLength] != 0 && entry[nameLength] != (byte)'=') nameLength++;
            int at = Find(entry, nameLength);
            if (at >= 0) { s_block[at] = entry; return; }
            if (s_count + 1 >= s_capacity)
            {
                var bigger = (byte**)Heap.Alloc((nuint)(8 * s_capacity * 2));
                for (int i = 0; i < s_count; i++) bigger[i] = s_block[i];
                s_block = bigger;
                s_capacity *= 2;
                s_environCell = (ulong)s_block;
            }
            s_block[s_count++] = entry;
            s_block[s_count] = null;
        }

        private static int Find(byte* name, int length)
        {
            for (int i = 0; i < s_count; i++)
            {
                byte* e = s_block[i];
                int k = 0;
                while (k < length && e[k] == name[k]) k++;
                if (k == length && e[k] == (byte)'=') return i;
            }
            return -1;
        }

        [LibcExport("getenv", "secure_getenv")]
        public static byte* GetEnv(byte* name)
        {
            if (name == null) return null;
            int length = (int)CString.Length(name);
            ulong flags = s_lock.AcquireIrqSave();
            int at = Find(name, length);
            byte* value = at < 0 ? null : s_block[at] + length + 1;
            s_lock.ReleaseIrqRestore(flags);
            return value;
        }

        [LibcExport("setenv")]
        public static int SetEnv(byte* name, byte* value, int overwrite)
        {
            if (name == null || *name == 0) return Errno.Fail(Errno.EINVAL);
            int length = (int)CString.Length(name);
            for (int i = 0; i < length; i++) if (name[i] == (byte)'=') return Errno.Fail(Errno.EINVAL);
            int valueLength = (int)CString.Length(value);
            byte* entry = (byte*)Heap.Alloc((nuint)(length + valueLength + 2));
            if (entry == null) return Errno.Fail(Errno.ENOMEM);
            for (int i = 0; i < length; i++) entry[i] = name[i];
            entry[length] = (byte)'=';
            for (int i = 0; i <= valueLength; i++) entry[length + 1 + i] = value[i];
            ulong flags = s_lock.AcquireIrqSave();
            if (overwrite != 0 || Find(name, length) < 0) Put(entry);
            s_lock.ReleaseIrqRestore(flags);
            return 0;
        }

        [LibcExport("unsetenv")]
        public static int UnsetEnv(byte* name)
        {
            if (name == null || *name == 0) return Errno.Fail(Errno.EINVAL);
            int length = (int)CString.Length(name);
            ulong flags = s_lock.AcquireIrqSave();
            int at = Find(name, length);
            if (at >= 0)
            {
                for (int i = at; i < s_count; i++) s_block[i] = s_block[i + 1];
                s_count--;
            }
            s_lock.ReleaseIrqRestore(flags);
            return 0;
        }
    }
}
