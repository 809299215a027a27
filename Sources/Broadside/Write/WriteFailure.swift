import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file the build could not write or copy, named as the author knows it (under Output/,
/// not the staging folder beside it), with what went wrong and what to do.
struct WriteFailure: LocalizedError {
    enum Kind {
        /// Writing `path` failed with `errno`.
        case write(Int32)
        /// The source at `path` could not be copied: `why`.
        case copy(String)
    }

    let path: String
    let kind: Kind

    var errorDescription: String? {
        switch kind {
        case .write(let code):
            let reason = switch code {
            case ENAMETOOLONG: "a name in it is longer than the file system allows (255 bytes); shorten the file name or tag it comes from"
            case ENOSPC, EDQUOT: "the disk is full; free some space and build again"
            case EACCES, EPERM: "permission denied; check who may write to the output folder"
            case EROFS: "the disk is read-only; choose another --output"
            default: String(cString: strerror(code))
            }
            return "cannot write \(Self.shown(path)): \(reason)"
        case .copy(let why):
            return "cannot copy \(Self.shown(path)): \(why)"
        }
    }

    /// `/site/.Output.building-123/a/index.html` → `/site/Output/a/index.html`.
    static func shown(_ path: String) -> String {
        path.replacing(#/\.([^/]+)\.(building|writing)-\d+(/|$)/#) { $0.output.1 + $0.output.3 }
    }

    /// Copies `source` to `target`, saying which file when it cannot: most often it was
    /// removed or renamed while the build ran.
    static func copy(_ source: String, to target: URL) throws {
        do {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: target)
        } catch {
            let why = FileManager.default.fileExists(atPath: source)
                ? "\(error.localizedDescription)" : "it was removed or renamed while the site was being built; build again"
            throw WriteFailure(path: source, kind: .copy(why))
        }
    }
}
