#include "i18n.h"

#include <string_view>
#include <unordered_map>

namespace looplab::viz {
namespace {

Language g_language = Language::English;

const std::unordered_map<std::string_view, const char*>& korean() {
  static const std::unordered_map<std::string_view, const char*> table = {
      // Panels and tabs.
      {"Event loop", "이벤트 루프"},
      {"Ready queue", "준비 큐"},
      {"Timer heap", "타이머 힙"},
      {"Tasks", "태스크"},
      {"Timeline", "타임라인"},
      {"Waiting on", "기다리는 대상"},
      {"Diagnostics", "진단"},
      {"Requests and sockets", "요청과 소켓"},
      // The loop's phases (full and short forms) and its state.
      {"1  wait / poll", "1  대기 / 폴링"},
      {"1  poll", "1  폴링"},
      {"2  due timers \xe2\x86\x92 ready", "2  만료된 타이머 \xe2\x86\x92 준비"},
      {"2  timers", "2  타이머"},
      {"3  run ready handles", "3  준비된 핸들 실행"},
      {"3  run ready", "3  실행"},
      {"handles ready: polls without waiting", "준비된 핸들이 있어 기다리지 않고 폴링"},
      {"sleeps until the next timer", "다음 타이머까지 잠듦"},
      {"waits for I/O", "I/O를 기다림"},
      {"next iteration", "다음 반복"},
      {"iteration %llu", "반복 %llu"},
      {"%zu timer in the heap", "힙에 타이머 %zu개"},
      {"%zu timers in the heap", "힙에 타이머 %zu개"},
      {"%zu handle ready", "준비된 핸들 %zu개"},
      {"%zu handles ready", "준비된 핸들 %zu개"},
      {"%zu \xc2\xb7 first in, first out", "%zu \xc2\xb7 먼저 들어온 것이 먼저"},
      {"%zu \xc2\xb7 soonest first", "%zu \xc2\xb7 빠른 마감 순"},
      {"%zu \xc2\xb7 %zu running, %zu ready, %zu waiting, %zu finished", "%zu \xc2\xb7 실행 %zu, 준비 %zu, 대기 %zu, 끝남 %zu"},
      {"event loop", "이벤트 루프"},
      {"deadlocked", "교착 상태"},
      {"stalled", "멈춤"},
      {"running", "실행 중"},
      {"not running", "멈춰 있음"},
      {"not started", "시작 전"},
      // Queues.
      {"next", "다음"},
      {"due now", "지금 만료"},
      {"empty: nothing to run this iteration", "비어 있음: 이번 반복에 실행할 것이 없음"},
      {"none (asyncio.sleep and call_later add timers)", "없음 (asyncio.sleep과 call_later가 타이머를 넣음)"},
      {"task step", "태스크 단계"},
      {"wakeup", "깨우기"},
      {"callback", "콜백"},
      {"thread result", "스레드 결과"},
      {"I/O result", "I/O 결과"},
      {"timer", "타이머"},
      // Tasks.
      {"no tasks yet: asyncio.run(main()) makes the first", "아직 태스크가 없음: asyncio.run(main())이 첫 태스크를 만듦"},
      {"created, first step not queued yet", "생성됨: 첫 단계가 아직 큐에 없음"},
      {"ready: its next step is in the queue", "준비: 다음 단계가 큐에 있음"},
      {"running now", "지금 실행 중"},
      {"done: returned", "완료: 반환함"},
      {"cancelled", "취소됨"},
      {"waits", "기다림"},
      {"created", "생성됨"},
      {"ready", "준비"},
      {"waiting", "대기"},
      {"done", "완료"},
      {"failed", "실패"},
  };
  return table;
}

}  // namespace

void set_language(Language language) { g_language = language; }

const std::string& translated_text() {
  static const std::string empty;
  static std::string all;
  if (g_language == Language::English) return empty;
  if (all.empty())
    for (const auto& [en, ko] : korean()) all += std::string(ko) + "\n";
  return all;
}
Language language() { return g_language; }

const char* tr(const char* english) {
  if (g_language == Language::English || !english) return english;
  const auto& table = korean();
  auto it = table.find(english);
  return it == table.end() ? english : it->second;
}

}  // namespace looplab::viz
