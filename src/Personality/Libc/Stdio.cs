using Nacre.Memory;
using Nacre.Personality.Posix;

namespace Nacre.Personality.Libc
{
    /// <summary>A stdio stream (FILE*): a descriptor with a read buffer and end-of-file/error flags.</summary>
    public unsafe struct File
    {
        public const int BufferSize = 4096;
        public int Fd;
        public int Eof, Error;
        public int Unget;               // a character pushed back by ungetc, or -1
        public byte* Buffer;            // read-ahead, BufferSize bytes (null until the first read)
        public int Start, End;          // unread bytes: Buffer[Start..End)
        public int Static;              // stdin/stdout/stderr: never freed
    }

    /// <summary>
    /// stdio streams over the personality's descriptors. Output is unbuffered (each call is one
    /// write: the console gets whole lines from the runtime's own writes anyway); input reads
    /// ahead. The formatted functions (printf, scanf families) are in Printf and Scanf.
    /// </summary>
    public static unsafe class Stdio
    {
        public const int Eof = -1;

        private static File* s_stdin, s_stdout, s_stderr;
        private static ulong s_stdinCell, s_stdoutCell, s_stderrCell;

        public static File* StandardOutput => s_stdout;
        public static File* StandardError => s_stderr;
        public static File* StandardInput => s_stdin;

        public static void Initialize()
        {
            FileTable.Initialize();
            s_stdin = Make(0);
            s_stdout = Make(1);
            s_stderr = Make(2);
            fixed (ulong* cell = &s_stdinCell) { *cell = (ulong)s_stdin; Elf.PersonalitySymbols.Add("stdin", (ulong)cell); }
            fixed (ulong* cell = &s_stdoutCell) { *cell = (ulong)s_stdout; Elf.PersonalitySymbols.Add("stdout", (ulong)cell); }
            fixed (ulong* cell = &s_stderrCell) { *cell = (ulong)s_stderr; Elf.PersonalitySymbols.Add("stderr", (ulong)cell); }
        }

        private static File* Make(int fd)
        {
            var f = (File*)Heap.Alloc((nuint)sizeof(File));
            f->Fd = fd;
            f->Unget = -1;
            f->Static = 1;
            return f;
        }

        /// <summary>Output is unbuffered, so there is nothing to flush at exit.</summary>
        public static void FlushAll() { }

        [LibcExport("fopen", "fopen64")]
        public static File* Open(byte* path, byte* mode)
        {
            int flags = mode[0] == (byte)'r' ? FileTable.O_RDONLY : FileTable.O_WRONLY | FileTable.O_CREAT;
            for (byte* m = mode; *m != 0; m++)
            {
                if (*m == (byte)'+') flags = (flags & ~FileTable.O_ACCMODE) | FileTable.O_RDWR;
                if (*m == (byte)'e') flags |= FileTable.O_CLOEXEC;
            }
            int fd = FileCalls.OpenAt(path, flags);
            if (fd < 0) { Errno.Value = -fd; return null; }
            return FromDescriptor(fd);
        }

        [LibcExport("fdopen")]
        public static File* OpenDescriptor(int fd, byte* mode)
        {
            if (FileTable.Get(fd) == null) { Errno.Value = Errno.EBADF; return null; }
            return FromDescriptor(fd);
        }

        private static File* FromDescriptor(int fd)
        {
            var f = (File*)Heap.Alloc((nuint)sizeof(File));
            if (f == null) { FileTable.Close(fd); Errno.Value = Errno.ENOMEM; return null; }
            f->Fd = fd;
            f->Unget = -1;
            return f;
        }

        [LibcExport("fclose")]
        public static int Close(File* f)
        {
            int r = FileTable.Close(f->Fd);
            if (f->Static == 0)
            {
                if (f->Buffer != null) Heap.Free(f->Buffer);
                Heap.Free(f);
            }
            return r < 0 ? Eof : 0;
        }

        [LibcExport("fileno")]
        public static int FileNo(File* f) => f->Fd;

        [LibcExport("feof")]
        public static int IsEof(File* f) => f->Eof;

        [LibcExport("ferror")]
        public static int IsError(File* f) => f->Error;

        [LibcExport("clearerr")]
        public static void ClearError(File* f) { f->Eof = 0; f->Error = 0; }

        [LibcExport("fflush")]
        public static int Flush(File* f) => 0;

        [LibcExport("setvbuf")]
        public static int SetVBuf(File* f, byte* buffer, int mode, ulong size) => 0;

        [LibcExport("setbuf")]
        public static void SetBuf(File* f, byte* buffer) { }

        /// <summary>Writes all of bytes to f (one write call); false, with the error flag set, on failure.</summary>
        public static bool WriteAll(File* f, byte* bytes, ulong n)
        {
            if (n == 0) return true;
            long written = FileCalls.WriteTo(f->Fd, bytes, n);
            if (written < 0) { Errno.Value = (int)-written; f->Error = 1; return false; }
            return true;
        }

        [LibcExport("fwrite", "fwrite_unlocked")]
        public static ulong Write(byte* data, ulong size, ulong count, File* f)
        {
            ulong bytes = size * count;
            if (bytes == 0) return 0;
            return WriteAll(f, data, bytes) ? count : 0;
        }

        [LibcExport("fputs", "fputs_unlocked")]
        public static int PutString(byte* s, File* f) => WriteAll(f, s, (ulong)CString.Length(s)) ? 1 : Eof;

        [LibcExport("puts")]
        public static int Puts(byte* s)
        {
            byte newline = (byte)'\n';
            return WriteAll(s_stdout, s, (ulong)CString.Length(s)) && WriteAll(s_stdout, &newline, 1) ? 1 : Eof;
        }

        [LibcExport("fputc", "putc", "fputc_unlocked", "putc_unlocked")]
        public static int PutChar(int c, File* f)
        {
            byte b = (byte)c;
            return WriteAll(f, &b, 1) ? b : Eof;
        }

        [LibcExport("putchar", "putchar_unlocked")]
        public static int PutCharStdout(int c) => PutChar(c, s_stdout);

        // Refills f's buffer; false at end of file or on error (flags set).
        private static bool Fill(File* f)
        {
            if (f->Buffer == null)
            {
                f->Buffer = (byte*)Heap.Alloc(File.BufferSize);
                if (f->Buffer == null) { f->Error = 1; Errno.Value = Errno.ENOMEM; return false; }
            }
            long n = FileCalls.ReadAt(f->Fd, f->Buffer, File.BufferSize, ulong.MaxValue);
            if (n < 0) { Errno.Value = (int)-n; f->Error = 1; return false; }
            if (n == 0) { f->Eof = 1; return false; }
            f->Start = 0;
            f->End = (int)n;
            return true;
        }

        [LibcExport("fgetc", "getc", "fgetc_unlocked", "getc_unlocked")]
        public static int GetChar(File* f)
        {
            if (f->Unget >= 0) { int c = f->Unget; f->Unget = -1; return c; }
            if (f->Start == f->End && !Fill(f)) return Eof;
            return f->Buffer[f->Start++];
        }

        [LibcExport("getchar")]
        public static int GetCharStdin() => GetChar(s_stdin);

        [LibcExport("ungetc")]
        public static int UnGetChar(int c, File* f)
        {
            if (c == Eof || f->Unget >= 0) return Eof;
            f->Unget = (byte)c;
            f->Eof = 0;
            return (byte)c;
        }

        [LibcExport("fread", "fread_unlocked")]
        public static ulong Read(byte* data, ulong size, ulong count, File* f)
        {
            ulong bytes = size * count, done = 0;
            while (done < bytes)
            {
                int c = GetChar(f);
                if (c == Eof) break;
                data[done++] = (byte)c;
            }
            return size == 0 ? 0 : done / size;
        }

        [LibcExport("fgets", "fgets_unlocked")]
        public static byte* GetLine(byte* s, int size, File* f)
        {
            if (size <= 0) return null;
            int n = 0;
            while (n < size - 1)
            {
                int c = GetChar(f);
                if (c == Eof) break;
                s[n++] = (byte)c;
                if (c == '\n') break;
            }
            if (n == 0) return null;
            s[n] = 0;
            return s;
        }

        [LibcExport("getdelim", "__getdelim")]
        public static long GetDelimited(byte** line, ulong* capacity, int delimiter, File* f)
        {
            if (line == null || capacity == null) return Errno.Fail(Errno.EINVAL);
            ulong n = 0;
            while (true)
            {
                int c = GetChar(f);
                if (c == Eof) break;
                if (!Reserve(line, capacity, n + 2)) return -1;
                (*line)[n++] = (byte)c;
                if (c == delimiter) break;
            }
            if (n == 0) return -1;
            (*line)[n] = 0;
            return (long)n;
        }

        [LibcExport("getline")]
        public static long GetLineAlloc(byte** line, ulong* capacity, File* f) => GetDelimited(line, capacity, '\n', f);

        private static bool Reserve(byte** line, ulong* capacity, ulong needed)
        {
            if (*line != null && *capacity >= needed) return true;
            ulong size = *capacity < 120 ? 120 : *capacity;
            while (size < needed) size *= 2;
            byte* bigger = (byte*)Malloc.Reallocate(*line, size);
            if (bigger == null) { Errno.Value = Errno.ENOMEM; return false; }
            *line = bigger;
            *capacity = size;
            return true;
        }

        [LibcExport("fseek", "fseeko", "fseeko64")]
        public static int Seek(File* f, long offset, int whence)
        {
            if (whence == 1) offset -= (f->End - f->Start) + (f->Unget >= 0 ? 1 : 0);
            f->Start = f->End = 0;
            f->Unget = -1;
            f->Eof = 0;
            return FileCalls.Seek(f->Fd, offset, whence == 1 ? 1 : whence) < 0 ? -1 : 0;
        }

        [LibcExport("ftell", "ftello", "ftello64")]
        public static long Tell(File* f)
        {
            long at = FileCalls.Seek(f->Fd, 0, 1);
            return at < 0 ? -1 : at - (f->End - f->Start) - (f->Unget >= 0 ? 1 : 0);
        }

        [LibcExport("rewind")]
        public static void Rewind(File* f) { Seek(f, 0, 0); f->Error = 0; }

        [LibcExport("perror")]
        public static void PrintError(byte* prefix)
        {
            if (prefix != null && *prefix != 0)
            {
                WriteAll(s_stderr, prefix, (ulong)CString.Length(prefix));
                byte* colon = stackalloc byte[2] { (byte)':', (byte)' ' };
                WriteAll(s_stderr, colon, 2);
            }
            byte* text = ErrorText.Of(Errno.Value);
            WriteAll(s_stderr, text, (ulong)CString.Length(text));
            byte newline = (byte)'\n';
            WriteAll(s_stderr, &newline, 1);
        }
    }
}
