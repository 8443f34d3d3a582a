import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneWorkbench
import Testing

/// A teacher's lesson uploaded to the workbench: the request carries the file's text (`lesson-file`), never a path;
/// it is checked as on the command line, with errors at its line; a page can grade it one answer at a time; and
/// whatever the file asks for, the server stays within its limits.
@Suite("API: lessons from a teacher's file")
struct LessonAPITests {
    static let lesson = """
    title: A teacher's Nernst question
    goal: Compute E_K at body temperature.
    misconception: E_K is positive because K⁺ is a cation.
    steps: Use the Nernst equation.
    setup:
      k:
        run: nernst
        with: {ion: K, inside: 140, outside: 5, temperature: 37}
    questions:
      - id: E_K
        ask: What is E_K for 140 mM inside and 5 mM outside?
        answer: k.potential_mV
        unit: mV
        tolerance: 1
        explain: "E_K = {{answer:.1f}} mV; you answered {{student}} mV."
      - id: sign
        ask: Is the inside negative at E_K?
        choices: {yes: It is negative., no: It is positive.}
        answer: if(k.potential_mV < 0, "yes", "no")
        explain: K⁺ leaks out until the inside is negative enough to hold it back.
    """

    /// A request body with `lesson` as its `lesson-file` and the other members given.
    static func body(_ lesson: String = lesson, _ members: [String: Any] = [:]) throws -> String {
        var object = members
        object["lesson-file"] = lesson
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// E_K from the Nernst equation with CODATA 2018 constants, independently of the library.
    static let expectedEK = CODATA.thermalVoltage_mV(celsius: 37) * log(5.0 / 140.0)

    @Test func anUploadedLessonShowsWithoutItsAnswersAndGradesOneAnswerAtATime() async throws {
        try await workbench().test(.router) { client in
            let show = try await client.post("/api/lesson/show", try Self.body())
            #expect(show.status == .ok, "\(show.body)")
            let questions = try #require(show.object?["questions"] as? [[String: Any]])
            #expect(questions.map { $0["id"] as? String } == ["E_K", "sign"])
            #expect(questions.allSatisfy { $0["answer"] == nil && $0["explanation"] == nil })
            #expect(!show.body.contains(String(format: "%.2f", Self.expectedEK)), "the answer leaked into lesson/show")

            // A wrong answer: marked wrong, explained with the student's number; the other question reveals nothing.
            let wrong = try await client.post("/api/lesson/grade", try Self.body(Self.lesson, ["answers": ["E_K": 89]]))
            #expect(wrong.status == .ok, "\(wrong.body)")
            let graded = try #require(wrong.object?["questions"] as? [[String: Any]])
            #expect(graded[0]["correct"] as? Bool == false)
            #expect((graded[0]["explanation"] as? String)?.contains("you answered 89 mV") == true)
            let answer = try #require((graded[0]["answer"] as? NSNumber)?.doubleValue)
            #expect(abs(answer - Self.expectedEK) < 1e-9)
            #expect(graded[1]["answered"] as? Bool == false)
            #expect(graded[1]["answer"] == nil && graded[1]["explanation"] == nil)

            // The right answers, one request each as the page sends them.
            let right = try await client.post("/api/lesson/grade", try Self.body(Self.lesson, ["answers": ["E_K": "\(Self.expectedEK + 0.6) mV"]]))
            #expect((right.object?["questions"] as? [[String: Any]])?.first?["correct"] as? Bool == true)
            let choice = try await client.post("/api/lesson/grade", try Self.body(Self.lesson, ["answers": ["sign": "yes"]]))
            #expect((choice.object?["questions"] as? [[String: Any]])?[1]["correct"] as? Bool == true)
        }
    }

    /// Errors in an uploaded file name its line, as `lesson-file:LINE:COLUMN: path`.
    @Test func errorsNameTheLineOfTheUploadedText() async throws {
        try await workbench().test(.router) { client in
            let typo = Self.lesson.replacingOccurrences(of: "    tolerance: 1", with: "    tolerence: 1")
            let a = try await client.post("/api/lesson/show", try Self.body(typo))
            #expect(a.status == .badRequest)
            #expect(a.errorField?.hasPrefix("lesson-file:14:") == true, "\(a.body)")
            #expect((a.error?["message"] as? String)?.contains("tolerance") == true)

            let badOption = Self.lesson.replacingOccurrences(of: "inside: 140,", with: "inside: -140,")
            let b = try await client.post("/api/lesson/key", try Self.body(badOption))
            #expect(b.status == .badRequest)
            #expect(b.errorField?.hasPrefix("lesson-file:8:") == true, "\(b.body)")
        }
    }

    /// `lesson-file` is the lesson's text: a path is refused by name and no file is read.
    @Test(arguments: ["/etc/passwd", "lessons/my-lesson.yaml", "my-lesson.yml", "file:///etc/hosts", #"C:\lessons\x"#, "~/l"])
    func aPathIsRefused(path: String) async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/lesson/show", try Self.body(path))
            #expect(a.status == .badRequest)
            #expect(a.errorField == "lesson-file")
            #expect((a.error?["message"] as? String)?.contains("not its path") == true)
        }
    }

    /// A kilobyte of nested aliases stands for 9⁹ values: refused at once, not expanded.
    @Test func nestedAliasesAreBounded() async throws {
        var lines = [#"a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]"#]
        for i in 1...9 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        lines.append("title: *a9")
        let text = lines.joined(separator: "\n")
        try await workbench().test(.router) { client in
            let started = ContinuousClock.now
            let a = try await client.post("/api/lesson/show", try Self.body(text))
            #expect(a.status == .badRequest)
            #expect((a.error?["message"] as? String)?.contains("at most 100000 values") == true, "\(a.body)")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    /// A lesson whose setup runs a simulation longer than the time limit is stopped at the limit (the setup's runs poll
    /// the request's stop): 503, and nothing graded.
    @Test func aLongSetupStopsAtTheTimeLimit() async throws {
        let long = """
        title: A long run
        goal: Wait.
        misconception: None.
        steps: Wait.
        setup:
          run:
            run: simulate/pump-leak
            with: {preset: kay-2017, duration: 1e7, max-step: 0.001}
        questions:
          - id: q
            ask: How long?
            answer: 1
            tolerance: 1
            explain: Long.
        """
        var limits = WorkbenchLimits()
        limits.timeLimit = .milliseconds(300)
        limits.stopGrace = .seconds(30)  // a setup that ignored the stop request would be answered only after this
        try await workbench(limits: limits).test(.live) { client in
            let started = ContinuousClock.now
            let a = try await client.post("/api/lesson/grade", try Self.body(long, ["answers": ["q": 1]]))
            // Below the 30-s grace a setup that ignored the stop would take, with a loaded machine's margin.
            #expect(ContinuousClock.now - started < .seconds(15))
            #expect(a.status == .serviceUnavailable, "\(a.body)")
            #expect((a.error?["message"] as? String)?.contains("time limit") == true)
            #expect(a.object?["score"] == nil)
        }
    }
}
