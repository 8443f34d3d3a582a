import Hummingbird

/// The workbench page (`Page/`: HTML, CSS, ES modules, icon), compiled into the binary by SwiftPM's
/// `.embedInCode` resources, so `membrane serve` works from any directory and the API never touches the file
/// system. One route per file: any other path is 404, whatever `..` or encoding it tries.
///
/// Files are sent with `Cache-Control: no-cache` and an `ETag` (a hash of the content): the browser revalidates
/// each load and gets `304 Not Modified` while the binary is the same, and the new page as soon as it changes.
struct PageAsset: Sendable {
    let name: String
    let contentType: String
    let body: ByteBuffer
    let etag: String

    init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        contentType = Self.contentType(of: name)
        body = ByteBuffer(bytes: bytes)
        etag = "\"" + String(Self.fnv1a(bytes), radix: 16) + "\""
    }

    /// The page's files; a file added to `Page/` needs its line here (a test checks that every file is served).
    static let all: [PageAsset] = [
        PageAsset("index.html", PackageResources.index_html),
        PageAsset("app.css", PackageResources.app_css),
        PageAsset("icon.svg", PackageResources.icon_svg),
        PageAsset("app.js", PackageResources.app_js),
        PageAsset("panels.js", PackageResources.panels_js),
        PageAsset("kit.js", PackageResources.kit_js),
        PageAsset("api.js", PackageResources.api_js),
        PageAsset("ui.js", PackageResources.ui_js),
        PageAsset("plot.js", PackageResources.plot_js),
        PageAsset("panel-ghk.js", PackageResources.panel_ghk_js),
        PageAsset("panel-iv.js", PackageResources.panel_iv_js),
        PageAsset("panel-solutions.js", PackageResources.panel_solutions_js),
        PageAsset("panel-ljp.js", PackageResources.panel_ljp_js),
        PageAsset("panel-donnan.js", PackageResources.panel_donnan_js),
        PageAsset("panel-pumpleak.js", PackageResources.panel_pumpleak_js),
        PageAsset("panel-microdomain.js", PackageResources.panel_microdomain_js),
        PageAsset("panel-noise.js", PackageResources.panel_noise_js),
        PageAsset("panel-pmf.js", PackageResources.panel_pmf_js),
        PageAsset("panel-plant.js", PackageResources.panel_plant_js),
        PageAsset("panel-hh.js", PackageResources.panel_hh_js),
        PageAsset("panel-lesson.js", PackageResources.panel_lesson_js),
        PageAsset("lesson-store.js", PackageResources.lesson_store_js),
    ]

    /// ES modules must be served as JavaScript (`text/javascript`, RFC 9239) or the browser refuses them.
    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "json": return "application/json; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// 64-bit FNV-1a: a content hash for the ETag (not a security measure).
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    func response(to request: Request) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if let tags = request.headers[.ifNoneMatch], tags.split(separator: ",").contains(where: { $0.trimmingSpaces == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// GET `/` (the page) and GET `/<name>` for each file.
    static func add(to router: Router<WorkbenchRequestContext>) {
        for asset in all {
            router.get(RouterPath(asset.name)) { request, _ in asset.response(to: request) }
            if asset.name == "index.html" {
                router.get("/") { request, _ in asset.response(to: request) }
            }
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
