using System.Collections.Generic;
using Nacre.Personality.Posix;

namespace Nacre.Personality.Elf
{
    /// <summary>
    /// Relocates the loaded objects and binds their imports. Symbols resolve in the global scope
    /// of a dynamic linker — the program first, then its libraries in load order — and then in the
    /// personality (PersonalitySymbols). An import nobody defines is an error naming the symbol
    /// and the object, unless it is weak (it becomes 0). Version requirements are honoured
    /// between loaded objects (libm exports exp both as GLIBC_2.2.5 and GLIBC_2.29); the
    /// personality has one version of everything. IFUNC symbols and IRELATIVE relocations call
    /// their resolvers after their object's other relocations are done.
    /// </summary>
    public static unsafe class Linker
    {
        private static List<ElfObject> s_objects = new List<ElfObject>();

        /// <summary>Every loaded object, program first (the global scope and dl_iterate_phdr's order).</summary>
        public static List<ElfObject> Objects => s_objects;

        public static void Add(ElfObject o) => s_objects.Add(o);

        /// <summary>The object whose mapping holds address, or null.</summary>
        public static ElfObject ObjectAt(ulong address)
        {
            foreach (var o in s_objects) if (o.Contains(address)) return o;
            return null;
        }

        /// <summary>Applies o's relocations. False with error set on the first import nobody defines or an unknown relocation.</summary>
        public static bool Relocate(ElfObject o, out string error)
        {
            error = null;
            if (!ApplyRelr(o)) { error = $"{o.Name}: corrupt RELR relocation: it writes outside the loaded segments"; return false; }
            if (!Apply(o, o.Relocations, o.RelocationBytes, false, out error)) return false;
            if (!Apply(o, o.PltRelocations, o.PltRelocationBytes, false, out error)) return false;
            // Resolvers may read anything the other relocations set up (libm's read _rtld_global_ro).
            if (!Apply(o, o.Relocations, o.RelocationBytes, true, out error)) return false;
            return Apply(o, o.PltRelocations, o.PltRelocationBytes, true, out error);
        }

        // DT_RELR: a compact list of relative relocations (an address, then bitmaps of the 63
        // words that follow it).
        private static bool ApplyRelr(ElfObject o)
        {
            if (o.RelativeRelocations == null) return true;
            ulong count = o.RelativeRelocationBytes / 8;
            ulong* where = null;
            for (ulong i = 0; i < count; i++)
            {
                ulong entry = o.RelativeRelocations[i];
                if ((entry & 1) == 0)
                {
                    where = (ulong*)(entry + o.Bias);
                    if (!o.Inside(where, 8)) return false;
                    *where++ += o.Bias;
                }
                else
                {
                    ulong* at = where;
                    for (ulong bits = entry >> 1; bits != 0; bits >>= 1, at++)
                        if ((bits & 1) != 0)
                        {
                            if (!o.Inside(at, 8)) return false;
                            *at += o.Bias;
                        }
                    where += 63;
                }
            }
            return true;
        }

        private enum Kind { Address, Tls, PersonalityTls }

        // What a symbol resolved to: an address (of a function, possibly an IFUNC resolver, or of
        // data); a TLS variable of a loaded module (offset in its block); or a thread-local of the
        // personality (offset from the thread pointer: errno).
        private struct Target
        {
            public Kind Kind;
            public ulong Value;
            public bool Ifunc;
            public ElfObject Definer;
        }

        // One pass over a RELA table: the ordinary relocations, or (indirect) only the IRELATIVE
        // ones and those bound to IFUNC symbols.
        private static bool Apply(ElfObject o, Rela* table, ulong bytes, bool indirect, out string error)
        {
            error = null;
            if (table == null) return true;
            ulong count = bytes / (ulong)sizeof(Rela);
            for (ulong i = 0; i < count; i++)
            {
                Rela* r = table + i;
                ulong* where = (ulong*)(r->Offset + o.Bias);
                uint type = r->Type;
                if (type != Elf.RNone && !o.Inside(where, type == Elf.RPc32 ? 4UL : 8UL))
                {
                    error = $"{o.Name}: corrupt relocation: it writes at 0x{r->Offset:x}, outside the loaded segments";
                    return false;
                }
                if (r->Symbol >= o.SymbolCount)
                {
                    error = $"{o.Name}: corrupt relocation: symbol {r->Symbol} of {o.SymbolCount}";
                    return false;
                }
                ulong addend = (ulong)r->Addend;
                if (type == Elf.RNone) continue;
                if (type == Elf.RRelative) { if (!indirect) *where = o.Bias + addend; continue; }
                if (type == Elf.RIRelative) { if (indirect) *where = ((delegate* unmanaged[Cdecl, SuppressGCTransition]<ulong>)(o.Bias + addend))(); continue; }

                // Symbol 0 in a TLS relocation means the object's own block (local-dynamic).
                var target = new Target { Kind = Kind.Tls, Definer = o };
                if (type == Elf.RCopy)
                {
                    if (indirect) continue;
                    if (!Copy(o, r, out error)) return false;
                    continue;
                }
                if (r->Symbol != 0 && !Resolve(o, r->Symbol, out target, out error)) return false;
                if (target.Ifunc != indirect) continue;
                if (target.Ifunc) target.Value = ((delegate* unmanaged[Cdecl, SuppressGCTransition]<ulong>)target.Value)();

                bool tls = type == Elf.RDtpMod64 || type == Elf.RDtpOff64 || type == Elf.RTpOff64;
                if (tls != (target.Kind != Kind.Address) && !(target.Kind == Kind.Address && target.Value == 0))
                {
                    error = $"{o.Name}: relocation type {type} for {SymbolText(o, r->Symbol)} does not match the symbol's kind";
                    return false;
                }
                switch (type)
                {
                    case Elf.R64: *where = target.Value + addend; break;
                    case Elf.RGlobDat:
                    case Elf.RJumpSlot: *where = target.Value; break;
                    case Elf.RPc32: *(int*)where = (int)(long)(target.Value + addend - (ulong)where); break;
                    case Elf.RDtpMod64:
                        if (target.Kind == Kind.PersonalityTls) return Mismatch(o, r, "a module id", out error);
                        *where = (ulong)target.Definer.TlsModuleId;
                        break;
                    case Elf.RDtpOff64:
                        if (target.Kind == Kind.PersonalityTls) return Mismatch(o, r, "a module offset", out error);
                        *where = target.Value + addend;
                        break;
                    case Elf.RTpOff64:
                        *where = target.Kind == Kind.PersonalityTls ? target.Value + addend : target.Value + addend - target.Definer.TlsOffset;
                        break;
                    default:
                        error = $"{o.Name}: unsupported relocation type {type}";
                        return false;
                }
            }
            return true;
        }

        // R_X86_64_COPY (position-dependent references from a program to a library's data, e.g.
        // stdout): the program reserved room for the object; the library's initial value is
        // copied there. The definition is looked up past the program itself. (The personality's
        // own functions keep using their copy, so a program that reassigns stdout is not seen
        // by them — as with a library that was linked without interposition.)
        private static bool Copy(ElfObject o, Rela* r, out string error)
        {
            error = null;
            ElfSymbol* symbol = o.Symbols + r->Symbol;
            byte* name = o.SymbolName(symbol);
            byte* version = o.RequiredVersion(r->Symbol);
            ulong source = 0;
            foreach (var candidate in s_objects)
            {
                if (candidate == o) continue;
                ElfSymbol* found = candidate.FindDefinition(name, version);
                if (found != null) { source = found->Value + candidate.Bias; break; }
            }
            if (source == 0) source = PersonalitySymbols.Lookup(name);
            if (source == 0)
            {
                error = $"{o.Name} imports {CString.ToManaged(name)} (by copy), which neither a loaded library nor the personality provides";
                return false;
            }
            byte* dest = (byte*)(r->Offset + o.Bias);
            for (ulong i = 0; i < symbol->Size; i++) dest[i] = ((byte*)source)[i];
            return true;
        }

        private static bool Mismatch(ElfObject o, Rela* r, string what, out string error)
        {
            error = $"{o.Name}: {SymbolText(o, r->Symbol)} is a thread-local of the personality and has no {what}: only initial-exec TLS (TPOFF) reaches it";
            return false;
        }

        private static string SymbolText(ElfObject o, uint index) => CString.ToManaged(o.SymbolName(o.Symbols + index));

        // Resolves o's symbol symbolIndex in the global scope, then in the personality.
        private static bool Resolve(ElfObject o, uint symbolIndex, out Target target, out string error)
        {
            error = null;
            target = default;
            ElfSymbol* symbol = o.Symbols + symbolIndex;
            byte* name = o.SymbolName(symbol);
            ElfSymbol* found = null;
            ElfObject definer = null;

            if (symbol->SectionIndex != Elf.ShnUndefined && symbol->Binding == Elf.StbLocal)
            {
                found = symbol;
                definer = o;
            }
            else
            {
                byte* version = o.RequiredVersion(symbolIndex);
                foreach (var candidate in s_objects)
                {
                    found = candidate.FindDefinition(name, version);
                    if (found != null) { definer = candidate; break; }
                }
            }

            if (found != null)
            {
                target.Definer = definer;
                if (found->SymbolType == Elf.SttTls)
                {
                    target.Kind = Kind.Tls;
                    target.Value = found->Value - TlsSegmentStart(definer);
                }
                else
                {
                    target.Kind = Kind.Address;
                    target.Value = found->Value + (found->SectionIndex == Elf.ShnAbsolute ? 0 : definer.Bias);
                    target.Ifunc = found->SymbolType == Elf.SttGnuIfunc;
                }
                return true;
            }

            long tlsOffset = PersonalitySymbols.ThreadLocalOffset(name);
            if (tlsOffset != long.MinValue)
            {
                target.Kind = Kind.PersonalityTls;
                target.Value = (ulong)tlsOffset;
                return true;
            }
            target.Kind = Kind.Address;
            target.Value = PersonalitySymbols.Lookup(name);
            if (target.Value != 0 || symbol->Binding == Elf.StbWeak) return true;
            error = $"{o.Name} imports {CString.ToManaged(name)}, which neither a loaded library nor the personality provides (docs/dotnet.md lists what is there)";
            return false;
        }

        private static ulong TlsSegmentStart(ElfObject o)
        {
            for (int i = 0; i < o.ProgramHeaderCount; i++)
                if (o.ProgramHeaders[i].Type == Elf.PtTls) return o.ProgramHeaders[i].VirtualAddress;
            return 0;
        }
    }
}
