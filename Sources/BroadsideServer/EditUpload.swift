import Broadside
import Foundation

/// `POST /__edit/api/upload`: an image saved beside the pages of a folder of Content/, under
/// a safe name, never over another file, with the Markdown that shows it.
struct EditUpload {
    let folders: EditFolders
    /// Decoded; the gate allows the base64 of it and the JSON around it (`EditSession.maxUpload`).
    static let maxBytes = 6 * 1024 * 1024

    func save(_ upload: EditMessages.Upload) throws(EditRefusal) -> EditMessages.Uploaded {
        let alt = upload.alt.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !alt.isEmpty else {
            throw EditRefusal(400, .altRequired)
        }
        // A browser's FileReader gives a data URL: its base64 follows the comma.
        var encoded = Substring(upload.data)
        if encoded.hasPrefix("data:"), let comma = encoded.firstIndex(of: ","), encoded[..<comma].hasSuffix(";base64") {
            encoded = encoded[encoded.index(after: comma)...]
        }
        // Base64 takes 4 characters for 3 bytes: a longer text is too large before decoding.
        guard encoded.utf8.count <= (Self.maxBytes + 2) / 3 * 4 + 4 else { throw Self.tooLarge }
        guard let data = Data(base64Encoded: String(encoded), options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw EditRefusal(status: 400, message: "The image did not arrive whole (its data is not base64): choose it again.")
        }
        guard data.count <= Self.maxBytes else { throw Self.tooLarge }
        guard let type = Self.type(of: data) else {
            throw EditRefusal(415, .notAnImage(upload.name))
        }
        let stem = Self.safeStem(upload.name)
        let folder = upload.folder.hasSuffix("/") ? String(upload.folder.dropLast()) : upload.folder
        let content = folders.allowed[0].joined(separator: "/")
        // The folder's path is checked first, as every path the editor is given.
        _ = try folders.check(folder + "/" + stem + "." + type)
        guard folder == content || folder.hasPrefix(content + "/") else {
            throw EditRefusal(status: 403, message: "\(upload.folder): images go in \(content)/, beside the pages that show them")
        }
        for number in 1...1000 {
            let name = number == 1 ? "\(stem).\(type)" : "\(stem)-\(number).\(type)"
            let file = try folders.check(folder + "/" + name)
            guard !file.exists else { continue }
            guard try file.create(with: data) else { continue }
            let shown = alt.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "]", with: "\\]")
            return EditMessages.Uploaded(path: file.path, markdown: "![\(shown)](\(name))")
        }
        throw EditRefusal(status: 409, message: "\(folder) already holds 1000 images named \(stem): choose another name")
    }

    private static let tooLarge = EditRefusal(413, .imageTooLarge)

    /// The file's type, by its first bytes (never by its name): the extension it is saved with.
    static func type(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(12))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + signature.count && Array(bytes[offset..<offset + signature.count]) == signature
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "jpg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "gif" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "webp" }
        return nil
    }

    /// `Room photo (1).PNG` → `room-photo-1`: lowercase ASCII letters, digits and single dashes.
    static func safeStem(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? ""
        let stem = base.contains(".") ? String(base[..<base.lastIndex(of: ".")!]) : base
        let folded = stem.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var safe = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                safe.unicodeScalars.append(scalar)
            } else if !safe.isEmpty && !safe.hasSuffix("-") {
                safe += "-"
            }
        }
        safe = String(safe.prefix(60))
        while safe.hasSuffix("-") { safe.removeLast() }
        return safe.isEmpty ? "image" : safe
    }
}
