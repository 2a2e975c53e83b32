<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI 데스크톱</translation>
    </message>
    <message>
        <source>A desktop workstation for AI-infrastructure analysts</source>
        <translation>AI 인프라 애널리스트를 위한 데스크톱 워크스테이션</translation>
    </message>
    <message>
        <source>Data sources and licences</source>
        <translation>데이터 출처와 라이선스</translation>
    </message>
    <message>
        <source>Illustrative (unsourced) data: {n} series</source>
        <translation>예시 데이터(출처 없음): {n}개 시리즈</translation>
    </message>
    <message>
        <source>About Q&amp;AI Desktop</source>
        <translation>Q&amp;AI 데스크톱 정보</translation>
    </message>
</context>
<context>
    <name>AddChartDialog</name>
    <message>
        <source>Line</source>
        <translation>선</translation>
    </message>
    <message>
        <source>Stacked area</source>
        <translation>누적 영역</translation>
    </message>
    <message>
        <source>100% stacked area</source>
        <translation>100% 누적 영역</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>막대</translation>
    </message>
    <message>
        <source>Dual axis</source>
        <translation>이중 축</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>로그 스케일</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>이동평균</translation>
    </message>
    <message>
        <source>YoY %</source>
        <translation>전년 대비 %</translation>
    </message>
    <message>
        <source>To weekly</source>
        <translation>주간으로</translation>
    </message>
    <message>
        <source>To monthly</source>
        <translation>월간으로</translation>
    </message>
    <message>
        <source>Cumulative sum</source>
        <translation>누적 합계</translation>
    </message>
    <message>
        <source>Index to date = 100</source>
        <translation>기준일 = 100</translation>
    </message>
    <message>
        <source>Share of total %</source>
        <translation>합계 대비 비중 %</translation>
    </message>
    <message>
        <source>Threshold day = 100</source>
        <translation>누적 기준 도달일 = 100</translation>
    </message>
    <message>
        <source>Add chart</source>
        <translation>차트 추가</translation>
    </message>
    <message>
        <source>Title (Korean)</source>
        <translation>제목 (한국어)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>제목 (영어)</translation>
    </message>
    <message>
        <source>Chart kind</source>
        <translation>차트 종류</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>변환</translation>
    </message>
    <message>
        <source>Transform value</source>
        <translation>변환 값</translation>
    </message>
    <message>
        <source>Right-axis series</source>
        <translation>오른쪽 축 시리즈</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Filter series…</source>
        <translation>시리즈 검색…</translation>
    </message>
    <message>
        <source>MA window / base date YYYY-MM-DD / cumulative threshold</source>
        <translation>이동평균 기간 / 기준일 YYYY-MM-DD / 기준 누적값</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>예시 데이터</translation>
    </message>
</context>
<context>
    <name>AlertWatcher</name>
    <message>
        <source>Alert evaluation failed: {error}</source>
        <translation>알림 평가 실패: {error}</translation>
    </message>
    <message>
        <source>{n} new alert(s): {first}</source>
        <translation>새 알림 {n}건: {first}</translation>
    </message>
    <message>
        <source>Q&amp;AI: {n} alert(s)</source>
        <translation>Q&amp;AI 알림 {n}건</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Add event</source>
        <translation>이벤트 추가</translation>
    </message>
    <message>
        <source>Add callout</source>
        <translation>설명 추가</translation>
    </message>
    <message>
        <source>Add difference arrow</source>
        <translation>차이 화살표 추가</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>날짜: {date}</translation>
    </message>
    <message>
        <source>Label (Korean)</source>
        <translation>라벨 (한국어)</translation>
    </message>
    <message>
        <source>Label (English, optional)</source>
        <translation>라벨 (영어, 선택)</translation>
    </message>
    <message>
        <source>e.g. Meta compute-sale report</source>
        <translation>예: Meta 컴퓨트 외부 판매 보도</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The cache file is damaged and no usable backup exists: {path}</source>
        <translation>캐시 파일이 손상되었고 사용할 수 있는 백업이 없습니다: {path}</translation>
    </message>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI 데스크톱</translation>
    </message>
    <message>
        <source>The cache file is damaged: {path}
Restore the newest automatic backup ({backup})? The damaged file is kept beside it.</source>
        <translation>캐시 파일이 손상되었습니다: {path}
가장 최근 자동 백업({backup})으로 복원할까요? 손상된 파일은 옆에 보관됩니다.</translation>
    </message>
    <message>
        <source>Restored. The damaged file: {damaged}</source>
        <translation>복원했습니다. 손상된 파일: {damaged}</translation>
    </message>
</context>
<context>
    <name>CacheGuard</name>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI 데스크톱</translation>
    </message>
    <message>
        <source>The cache file is damaged (SQLite: {reason}).
{path}

No usable backup exists. Every write is stopped. Keep a copy of the file and run `qnai-desktop cache check`.</source>
        <translation>캐시 파일이 손상되었습니다 (SQLite: {reason}).
{path}

사용할 수 있는 백업이 없습니다. 쓰기는 모두 중단되었습니다. 파일을 복사해 두고 `qnai-desktop cache check`로 확인하세요.</translation>
    </message>
    <message>
        <source>The cache file is damaged (SQLite: {reason}).
{path}

Restore the newest usable backup ({backup}) and reopen? The damaged file is kept beside it, not deleted.</source>
        <translation>캐시 파일이 손상되었습니다 (SQLite: {reason}).
{path}

가장 최근의 사용 가능한 백업({backup})으로 복원하고 다시 열까요? 손상된 파일은 지우지 않고 옆에 보관합니다.</translation>
    </message>
</context>
<context>
    <name>ChartAnnotator</name>
    <message>
        <source>Delete “{label}”</source>
        <translation>삭제: “{label}”</translation>
    </message>
    <message>
        <source>End the difference arrow here</source>
        <translation>차이 화살표를 여기서 끝내기</translation>
    </message>
    <message>
        <source>Cancel the difference arrow</source>
        <translation>차이 화살표 취소</translation>
    </message>
    <message>
        <source>Add event at this date…</source>
        <translation>이 날짜에 이벤트 추가…</translation>
    </message>
    <message>
        <source>Add callout here…</source>
        <translation>여기에 설명 추가…</translation>
    </message>
    <message>
        <source>Start a difference arrow</source>
        <translation>차이 화살표 시작</translation>
    </message>
    <message>
        <source>Click the arrow&apos;s end on the chart</source>
        <translation>차트에서 화살표의 끝을 클릭하세요</translation>
    </message>
    <message>
        <source>Annotation not saved</source>
        <translation>주석을 저장하지 못했습니다</translation>
    </message>
</context>
<context>
    <name>ChartToolbar</name>
    <message>
        <source>1M</source>
        <translation>1개월</translation>
    </message>
    <message>
        <source>3M</source>
        <translation>3개월</translation>
    </message>
    <message>
        <source>6M</source>
        <translation>6개월</translation>
    </message>
    <message>
        <source>YTD</source>
        <translation>연초 이후</translation>
    </message>
    <message>
        <source>1Y</source>
        <translation>1년</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Log-scale y axis (line charts only)</source>
        <translation>세로축 로그 스케일 (선 차트만)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>표</translation>
    </message>
    <message>
        <source>Show the plotted numbers</source>
        <translation>그려진 수치를 표로 보기</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>1920×1080 image to the clipboard</source>
        <translation>1920×1080 PNG를 클립보드로 (슬라이드용)</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Search charts…</source>
        <extracomment>Prepared charts by id, dropped when a change touches their series: flipping back to a chart whose data did not change costs a draw, not a read + transforms. asks before deleting (tests replace it); returns True to go ahead</extracomment>
        <translation>차트 검색…</translation>
    </message>
    <message>
        <source>Add chart…</source>
        <translation>차트 추가…</translation>
    </message>
    <message>
        <source>Delete chart…</source>
        <translation>차트 삭제…</translation>
    </message>
    <message>
        <source>Delete the selected saved chart (pack and series charts cannot be deleted)</source>
        <translation>선택한 내 차트를 삭제합니다 (차트 팩과 시리즈는 삭제할 수 없음)</translation>
    </message>
    <message>
        <source>Chart pack</source>
        <translation>차트 팩</translation>
    </message>
    <message>
        <source>My charts</source>
        <translation>내 차트</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source> (illustrative)</source>
        <translation> (예시)</translation>
    </message>
    <message>
        <source>Not in the cache: {items}</source>
        <translation>캐시에 없음: {items}</translation>
    </message>
    <message>
        <source>Unreadable saved charts: {items}</source>
        <translation>읽을 수 없는 내 차트: {items}</translation>
    </message>
    <message>
        <source>Chart image copied to the clipboard</source>
        <translation>차트 이미지를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <source>Chart saved: {title}</source>
        <translation>차트 저장: {title}</translation>
    </message>
    <message>
        <source>Delete your chart &apos;{title}&apos;?</source>
        <translation>내 차트 &apos;{title}&apos;을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>
The {n} scenario curve(s) published with it are deleted too.</source>
        <translation>
이 차트로 게시된 시나리오 곡선 {n}개도 함께 삭제됩니다.</translation>
    </message>
    <message>
        <source>Delete chart</source>
        <translation>차트 삭제</translation>
    </message>
    <message>
        <source>Chart deleted: {title}</source>
        <translation>차트 삭제: {title}</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Ticker</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>모니터</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Ticker, chart, series, scenario or command…</source>
        <translation>티커, 차트, 시리즈, 시나리오, 명령 검색…</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <source>Level above</source>
        <translation>수준 상회</translation>
    </message>
    <message>
        <source>Level below</source>
        <translation>수준 하회</translation>
    </message>
    <message>
        <source>Change within N days</source>
        <translation>기간 내 변화</translation>
    </message>
    <message>
        <source>z-score beyond k</source>
        <translation>z-score 이탈</translation>
    </message>
    <message>
        <source>Data older than N days</source>
        <translation>데이터 지연</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>기간(일)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>k (standard deviations)</source>
        <translation>표준편차 배수 k</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>기준값</translation>
    </message>
    <message>
        <source>difference (series unit, bp for spreads)</source>
        <translation>차이 (시리즈 단위, 스프레드는 bp)</translation>
    </message>
    <message>
        <source>percent change</source>
        <translation>변화율 (%)</translation>
    </message>
    <message>
        <source>up</source>
        <translation>상승</translation>
    </message>
    <message>
        <source>down</source>
        <translation>하락</translation>
    </message>
    <message>
        <source>either way</source>
        <translation>양방향</translation>
    </message>
</context>
<context>
    <name>DataSourcesView</name>
    <message>
        <source>configured</source>
        <translation>설정됨</translation>
    </message>
    <message>
        <source>needs API key</source>
        <translation>API 키 필요</translation>
    </message>
    <message>
        <source>needs SEC User-Agent</source>
        <translation>SEC User-Agent 필요</translation>
    </message>
    <message>
        <source>no file linked</source>
        <translation>연결된 파일 없음</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <source>real</source>
        <translation>실데이터</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>대용 지표</translation>
    </message>
    <message>
        <source>illustrative</source>
        <translation>예시 데이터</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>, stale</source>
        <translation>, 오래됨</translation>
    </message>
    <message>
        <source>Enter User-Agent…</source>
        <translation>User-Agent 입력…</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>API 키 입력…</translation>
    </message>
    <message>
        <source>Link a file…</source>
        <translation>파일 연결…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>지금 새로 고침</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>마지막 새로 고침</translation>
    </message>
    <message>
        <source>Series kept</source>
        <translation>보유 시리즈</translation>
    </message>
    <message>
        <source>Series waiting</source>
        <translation>대기 시리즈</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <source>Chart of the note</source>
        <translation>노트의 차트</translation>
    </message>
    <message>
        <source>Stands on</source>
        <translation>데이터 근거</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>What would make it real</source>
        <translation>실데이터로 만들려면</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>데이터 출처</translation>
    </message>
    <message>
        <source>Where every number comes from: the sources a refresh runs, and what each chart of the note stands on.</source>
        <translation>모든 숫자의 출처: 새로 고침이 실행하는 소스와, 노트의 각 차트가 기대는 데이터.</translation>
    </message>
</context>
<context>
    <name>DeckUpdate</name>
    <message>
        <source>Deck updated: {n} chart(s) refreshed in {deck}.</source>
        <translation>덱 갱신: {deck}의 차트 {n}개를 새 데이터로 바꿨습니다.</translation>
    </message>
    <message>
        <source>Appended at the end: {charts}</source>
        <translation>끝에 추가한 차트: {charts}</translation>
    </message>
    <message>
        <source>In the deck but not in this pack (left as they were): {charts}</source>
        <translation>덱에는 있지만 이번 팩에 없는 차트 (그대로 둠): {charts}</translation>
    </message>
    <message>
        <source>Not updated: {chart} ({why})</source>
        <translation>갱신하지 않음: {chart} ({why})</translation>
    </message>
    <message>
        <source>The previous deck is kept as {backup}</source>
        <translation>이전 덱은 {backup}에 보관했습니다</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>자세히 숨기기</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>자세히 보기</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>로그 파일: {path}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your cached data is safe.</source>
        <translation>예상하지 못한 오류가 발생했습니다. 작업 중이던 데이터는 안전합니다.</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Alerts ({n} unacknowledged)</source>
        <translation>알림 기록 (미확인 {n}건)</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Unacknowledge</source>
        <translation>확인 취소</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>모두 확인</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>차트 열기</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>미확인만</translation>
    </message>
    <message>
        <source>new</source>
        <translation>새 알림</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>확인 사항</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>확인 사항 없음</translation>
    </message>
    <message>
        <source>Chart image copied to the clipboard</source>
        <translation>차트 이미지를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>내보내기 실패: {error}</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Watchlist</source>
        <translation>워치리스트</translation>
    </message>
    <message>
        <source>The note&apos;s coverage table: market cap, 12MF PER, theses. Edit in place; Ctrl+Z undoes.</source>
        <translation>노트의 커버리지 표: 시가총액, 12MF PER, 투자 포인트. 셀을 바로 편집하고 Ctrl+Z로 되돌립니다.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>The note&apos;s chart pack, redrawn whenever data arrives.</source>
        <translation>노트의 차트 팩. 캐시에 데이터가 들어오면 자동으로 다시 그립니다.</translation>
    </message>
    <message>
        <source>Monitors</source>
        <translation>모니터</translation>
    </message>
    <message>
        <source>CDS-spread and GPU-rent signals with alert rules.</source>
        <translation>CDS 스프레드와 GPU 임대료 신호, 알림 규칙.</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>The note&apos;s arguments as slider models, saved cases and sensitivity grids.</source>
        <translation>노트의 논거를 슬라이더로 움직이는 모델, 케이스 저장과 민감도 표.</translation>
    </message>
    <message>
        <source>Switch tabs</source>
        <translation>탭 전환</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>명령 팔레트</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로고침</translation>
    </message>
    <message>
        <source>Export pack</source>
        <translation>차트 팩 내보내기</translation>
    </message>
    <message>
        <source>Search / filter</source>
        <translation>검색/필터</translation>
    </message>
    <message>
        <source>Undo / redo</source>
        <translation>실행 취소 / 다시 실행</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>도움말</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>row {row}</source>
        <translation>{row}행</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos;</source>
        <translation>&apos;{column}&apos; 열</translation>
    </message>
    <message>
        <source>value &apos;{value}&apos;</source>
        <translation>값 &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>{added:,} added, {changed:,} changed, {unchanged:,} unchanged</source>
        <translation>추가 {added:,}건, 변경 {changed:,}건, 동일 {unchanged:,}건</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>{layout} · {encoding} · {series} series · {rows} rows</source>
        <translation>{layout} · {encoding} · 시리즈 {series}개 · {rows}행</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>데이터 가져오기</translation>
    </message>
    <message>
        <source>Many stored values change</source>
        <translation>저장된 값을 많이 바꿉니다</translation>
    </message>
    <message>
        <source>{lines}

Import anyway?</source>
        <translation>{lines}

그래도 가져올까요?</translation>
    </message>
    <message>
        <source>Imported: {summary}</source>
        <translation>가져옴: {summary}</translation>
    </message>
    <message>
        <source>{n} file(s) with errors: remove them to import the others</source>
        <translation>오류가 있는 파일 {n}개: 제거해야 나머지를 가져올 수 있습니다</translation>
    </message>
    <message>
        <source>Import will give: {summary}</source>
        <translation>가져오면: {summary}</translation>
    </message>
    <message>
        <source> · replaces {n} stored series</source>
        <translation> · 기존 시리즈 {n}개 대체</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>변경 건수 계산 중…</translation>
    </message>
    <message>
        <source>Drop CSV / Excel / Bloomberg files here</source>
        <translation>CSV·Excel·Bloomberg 파일을 여기로 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>파일 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>목록에서 제거</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Keep linked</source>
        <translation>연결 유지</translation>
    </message>
    <message>
        <source>Re-read the file whenever it is saved (e.g. a Bloomberg workbook refreshed in Excel) and on every refresh</source>
        <translation>파일을 저장할 때마다(예: Excel에서 새로 고친 Bloomberg 통합 문서)와 새로 고침 때마다 다시 읽습니다</translation>
    </message>
</context>
<context>
    <name>ImportNotes</name>
    <message>
        <source>delimiter {d}</source>
        <translation>구분자 {d}</translation>
    </message>
    <message>
        <source>sheet {s} skipped: no table</source>
        <translation>시트 {s} 건너뜀: 표 없음</translation>
    </message>
    <message>
        <source>{n} row(s) above the header read as notes</source>
        <translation>머리글 위 {n}개 행은 메모로 읽음</translation>
    </message>
    <message>
        <source>NN/NN/YYYY dates read day-first (a first part is above 12)</source>
        <translation>NN/NN/YYYY 날짜를 일/월/연 순으로 읽음 (앞부분이 12보다 큼)</translation>
    </message>
    <message>
        <source>{label}: no values (blank or #N/A), skipped</source>
        <translation>{label}: 값 없음(빈칸 또는 #N/A), 건너뜀</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <source>not a valid date ({detail})</source>
        <translation>올바른 날짜가 아닙니다 ({detail})</translation>
    </message>
    <message>
        <source>cannot read as a date</source>
        <translation>날짜로 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>cannot read as a number (&apos;,&apos; is read as a thousands separator)</source>
        <translation>숫자로 읽을 수 없습니다 (&apos;,&apos;는 천 단위 구분 기호로 읽습니다)</translation>
    </message>
    <message>
        <source>cannot read as a number</source>
        <translation>숫자로 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>number too large (not finite)</source>
        <translation>숫자가 너무 큽니다 (유한하지 않음)</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>a value without a date</source>
        <translation>날짜 없는 값</translation>
    </message>
    <message>
        <source>a row without a series id</source>
        <translation>시리즈 ID가 없는 행</translation>
    </message>
    <message>
        <source>a row without a date</source>
        <translation>날짜가 없는 행</translation>
    </message>
    <message>
        <source>date {day} appears twice for series {sid} (rows {first} and {second})</source>
        <translation>시리즈 {sid}에 {day} 날짜가 두 번 있습니다 ({first}행, {second}행)</translation>
    </message>
    <message>
        <source>more cells than the header&apos;s {width}</source>
        <translation>머리글의 {width}칸보다 셀이 많습니다</translation>
    </message>
    <message>
        <source>a TRUE/FALSE cell is not a number</source>
        <translation>TRUE/FALSE 셀은 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>a TRUE/FALSE cell is not a date</source>
        <translation>TRUE/FALSE 셀은 날짜가 아닙니다</translation>
    </message>
    <message>
        <source>a date where a number was expected</source>
        <translation>숫자가 있어야 할 곳에 날짜가 있습니다</translation>
    </message>
    <message>
        <source>Excel error {text}</source>
        <translation>Excel 오류 {text}</translation>
    </message>
    <message>
        <source>Bloomberg was still loading when the sheet was saved</source>
        <translation>시트를 저장할 때 Bloomberg가 아직 불러오는 중이었습니다</translation>
    </message>
    <message>
        <source>number {number} is not an Excel date serial ({range})</source>
        <translation>숫자 {number}은(는) Excel 날짜 일련번호가 아닙니다 ({range})</translation>
    </message>
    <message>
        <source>values in a column without a header</source>
        <translation>머리글 없는 열에 값이 있습니다</translation>
    </message>
    <message>
        <source>no values found (every value cell is blank or #N/A)</source>
        <translation>값이 없습니다 (값 셀이 모두 비었거나 #N/A)</translation>
    </message>
    <message>
        <source>not a readable CSV file ({detail})</source>
        <translation>읽을 수 있는 CSV 파일이 아닙니다 ({detail})</translation>
    </message>
    <message>
        <source>a quoted cell is never closed (a &quot; without its closing &quot;)</source>
        <translation>따옴표로 시작한 셀이 닫히지 않았습니다 (닫는 &quot; 없음)</translation>
    </message>
    <message>
        <source>month must be in 1..12</source>
        <translation>월은 1~12여야 합니다</translation>
    </message>
    <message>
        <source>day is out of range for month</source>
        <translation>그 달에 없는 날입니다</translation>
    </message>
    <message>
        <source>year {year} is out of range</source>
        <translation>연도 {year}은(는) 범위를 벗어납니다</translation>
    </message>
</context>
<context>
    <name>LinkWatcher</name>
    <message>
        <source>The linked file {file} is not there any more (moved, renamed or deleted); nothing was updated.</source>
        <translation>연결된 파일 {file}이(가) 더 이상 없습니다(이동, 이름 변경 또는 삭제). 아무것도 갱신하지 않았습니다.</translation>
    </message>
    <message>
        <source>The linked file {file} would overwrite values from another source; nothing was updated.</source>
        <translation>연결된 파일 {file}이(가) 다른 출처의 값을 덮어쓰게 됩니다. 아무것도 갱신하지 않았습니다.</translation>
    </message>
    <message>
        <source>The linked file {file} could not be read; nothing was updated.</source>
        <translation>연결된 파일 {file}을(를) 읽을 수 없습니다. 아무것도 갱신하지 않았습니다.</translation>
    </message>
    <message>
        <source>Linked file {file} re-read: {added} added, {changed} changed</source>
        <translation>연결된 파일 {file} 다시 읽음: {added}개 추가, {changed}개 변경</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Watchlist</source>
        <translation>워치리스트</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Monitors</source>
        <translation>모니터</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Waiting for another program writing the cache…</source>
        <translation>다른 프로그램이 캐시에 쓰는 중입니다. 기다리는 중…</translation>
    </message>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI 데스크톱</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Edit series values…</source>
        <translation>시리즈 값 입력…</translation>
    </message>
    <message>
        <source>Export pack…</source>
        <translation>차트 팩 내보내기…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>About Q&amp;AI Desktop</source>
        <translation>Q&amp;AI 데스크톱 정보</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>도움말</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>명령 팔레트…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Refresh data</source>
        <translation>데이터 새로 고침</translation>
    </message>
    <message>
        <source>Cache: {path}</source>
        <translation>캐시: {path}</translation>
    </message>
    <message>
        <source>Newest observation: {date}</source>
        <translation>최신 관측일: {date}</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>데이터 없음</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Use</source>
        <translation>포함</translation>
    </message>
    <message>
        <source>Column in file</source>
        <translation>원본 열</translation>
    </message>
    <message>
        <source>Series id</source>
        <translation>시리즈 ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>If values differ</source>
        <translation>기존 값과 충돌 시</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>Freq.</source>
        <translation>주기</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>existing</source>
        <translation>기존 시리즈</translation>
    </message>
    <message>
        <source>new series</source>
        <comment>status of a row</comment>
        <translation>새 시리즈</translation>
    </message>
    <message>
        <source>replaces illustrative</source>
        <translation>예시 데이터 대체</translation>
    </message>
    <message>
        <source>replace {series}</source>
        <translation>{series} 값 대체</translation>
    </message>
    <message>
        <source>new series</source>
        <comment>choice for a conflict</comment>
        <translation>새 시리즈로</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>{file} column &apos;{column}&apos; → {series} “{title}” (from {origin}): would change {changed:,} of {stored:,} stored values</source>
        <translation>{file} &apos;{column}&apos; → {series} “{title}”({origin}에서 가져옴): 저장된 값 {stored:,}개 중 {changed:,}개가 바뀝니다</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; already exists as {stored} (another file, source or title): it is imported as the new series {series}, not over it. Choose &apos;{replace}&apos; to overwrite</source>
        <translation>&apos;{column}&apos;은(는) 이미 {stored}에 있습니다(다른 파일·출처·제목): 덮어쓰지 않고 새 시리즈 {series}로 가져옵니다. 덮어쓰려면 &apos;{replace}&apos;을 고르세요</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; would overwrite the stored {stored}: skipped</source>
        <translation>&apos;{column}&apos;은(는) 저장된 {stored}와 겹쳐 건너뜁니다</translation>
    </message>
    <message>
        <source>{file}: would change {changed:,} of {stored:,} stored values of {group} ({share:.1%})</source>
        <translation>{file}: {group} 저장된 값 {stored:,}개 중 {changed:,}개({share:.1%})가 바뀝니다</translation>
    </message>
</context>
<context>
    <name>MonitorDetail</name>
    <message>
        <source>Selected monitor</source>
        <translation>선택한 모니터</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>차트 열기</translation>
    </message>
    <message>
        <source>Add rule on this series…</source>
        <translation>이 시리즈로 규칙 추가…</translation>
    </message>
    <message>
        <source>Remove monitor</source>
        <translation>모니터에서 제거</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>예시 데이터</translation>
    </message>
    <message>
        <source>Pick a monitor in the table.</source>
        <translation>표에서 모니터를 고르세요.</translation>
    </message>
    <message>
        <source>Watch point in the note</source>
        <translation>노트의 관찰 포인트</translation>
    </message>
    <message>
        <source>Linked names</source>
        <translation>관련 종목</translation>
    </message>
    <message>
        <source>Source: {source} · {freq} · last {date}</source>
        <translation>자료: {source} · {freq} · 최근 {date}</translation>
    </message>
    <message>
        <source>B200 ÷ H100 medians (same dates only)</source>
        <translation>B200 ÷ H100 중앙값 (같은 날짜끼리)</translation>
    </message>
    <message>
        <source>Alert rules on this series: {n}</source>
        <translation>이 시리즈의 알림 규칙: {n}개</translation>
    </message>
</context>
<context>
    <name>MonitorPickerDialog</name>
    <message>
        <source>either way</source>
        <translation>양방향</translation>
    </message>
    <message>
        <source>rising hurts</source>
        <translation>상승이 불리</translation>
    </message>
    <message>
        <source>falling hurts</source>
        <translation>하락이 불리</translation>
    </message>
    <message>
        <source>Add monitor</source>
        <translation>모니터 추가</translation>
    </message>
    <message>
        <source>Search series…</source>
        <translation>시리즈 검색…</translation>
    </message>
    <message>
        <source>Adverse direction</source>
        <translation>불리한 방향</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>예시 데이터</translation>
    </message>
</context>
<context>
    <name>MonitorStatus</name>
    <message>
        <source>Normal</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>주의</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>경계</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>지연</translation>
    </message>
</context>
<context>
    <name>MonitorTableModel</name>
    <message>
        <source>Monitor</source>
        <extracomment>change units as written after a number (content: Korean writes percentage points &quot;%p&quot;)</extracomment>
        <translation>모니터</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>자료</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>최근값</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>최근일</translation>
    </message>
    <message>
        <source>1D</source>
        <translation>1일</translation>
    </message>
    <message>
        <source>1W</source>
        <translation>1주</translation>
    </message>
    <message>
        <source>1M</source>
        <translation>1개월</translation>
    </message>
    <message>
        <source>3M</source>
        <translation>3개월</translation>
    </message>
    <message>
        <source>z (1Y)</source>
        <translation>z (1년)</translation>
    </message>
    <message>
        <source>52W high</source>
        <translation>52주 고점</translation>
    </message>
    <message>
        <source>52W low</source>
        <translation>52주 저점</translation>
    </message>
    <message>
        <source>Trend (last 90)</source>
        <translation>추이 (최근 90개)</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>경과일</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>호가 수</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>일간</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>주간</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>월간</translation>
    </message>
    <message>
        <source>quarterly</source>
        <translation>분기</translation>
    </message>
    <message>
        <source>annual</source>
        <translation>연간</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>예시 데이터</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>데이터 없음</translation>
    </message>
    <message>
        <source>⚠ {n}d</source>
        <translation>⚠ {n}일</translation>
    </message>
    <message>
        <source>{n}d</source>
        <translation>{n}일</translation>
    </message>
    <message>
        <source>Illustrative, unsourced data ({source} layout); replaced when real data is imported.</source>
        <translation>출처가 없는 예시 데이터입니다 ({source} 형식). 실제 데이터를 가져오면 바뀝니다.</translation>
    </message>
    <message>
        <source>{window} change ({unit}) · red = the direction that hurts the thesis</source>
        <translation>{window} 변화 ({unit}) · 빨간색 = 논지에 불리한 방향</translation>
    </message>
    <message>
        <source>Standard deviations of the last value from its 1-year mean (- without a year of history)</source>
        <translation>최근값이 1년 평균에서 떨어진 표준편차 수 (1년 이력이 없으면 -)</translation>
    </message>
    <message>
        <source>Public offers (quotes) behind the last value</source>
        <translation>최근값 뒤에 있는 공개 오퍼(호가) 수</translation>
    </message>
    <message>
        <source>{age} days since the last point · expected {freq} ({spacing} d) · stale after {limit} d</source>
        <translation>마지막 관측 후 {age}일 · 예상 주기 {freq} ({spacing}일) · {limit}일 넘으면 지연</translation>
    </message>
</context>
<context>
    <name>MonitorsTab</name>
    <message>
        <source>&lt;b&gt;Status&lt;/b&gt; {ok} under 1σ from the 1-year mean in the adverse direction &amp;nbsp;{warn} 1σ+ &amp;nbsp;{alert} 2σ+ &amp;nbsp;{stale} no update for twice the expected spacing &amp;nbsp;│&amp;nbsp; &lt;b&gt;Change&lt;/b&gt; ▲up ▼down, &lt;span style=&apos;color:{red}&apos;&gt;red&lt;/span&gt; = the direction that hurts the thesis (CDS up, GPU rent down) &amp;nbsp;│&amp;nbsp; spreads in bp, prices in %</source>
        <translation>&lt;b&gt;상태&lt;/b&gt; {ok} 1년 평균 대비 불리한 방향 1σ 미만 &amp;nbsp;{warn} 1σ 이상 &amp;nbsp;{alert} 2σ 이상 &amp;nbsp;{stale} 예상 주기의 2배 넘게 갱신 없음 &amp;nbsp;│&amp;nbsp; &lt;b&gt;변화&lt;/b&gt; ▲상승 ▼하락, &lt;span style=&apos;color:{red}&apos;&gt;빨간색&lt;/span&gt; = 논지에 불리한 방향 (CDS 상승, GPU 대여 가격 하락) &amp;nbsp;│&amp;nbsp; 스프레드는 bp, 가격은 %</translation>
    </message>
    <message>
        <source>Market signals — the note&apos;s watch points</source>
        <translation>시장 신호 — 노트의 관찰 포인트</translation>
    </message>
    <message>
        <source>Add monitor…</source>
        <translation>모니터 추가…</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>규칙 삭제</translation>
    </message>
    <message>
        <source>Delete this rule and its alert history?</source>
        <translation>이 규칙과 그 알림 기록을 삭제할까요?</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <source>16:9 full slide (1920×1080)</source>
        <translation>16:9 전체 슬라이드 (1920×1080)</translation>
    </message>
    <message>
        <source>16:9 half slide (960×540)</source>
        <translation>16:9 절반 슬라이드 (960×540)</translation>
    </message>
    <message>
        <source>4:3 slide (1440×1080)</source>
        <translation>4:3 슬라이드 (1440×1080)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 지정</translation>
    </message>
    <message>
        <source>Transparent background (PNG/SVG)</source>
        <translation>투명 배경 (PNG/SVG)</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Scale (PNG)</source>
        <translation>배율 (PNG)</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>스타일</translation>
    </message>
    <message>
        <source>Language of titles and sources</source>
        <translation>제목·출처 언어</translation>
    </message>
</context>
<context>
    <name>PackExportDialog</name>
    <message>
        <source>Export chart pack</source>
        <translation>차트 팩 내보내기</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>모두 해제</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Update an existing deck…</source>
        <translation>기존 덱 갱신…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>저장 폴더</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>저장 폴더를 고르세요</translation>
    </message>
    <message>
        <source>Choose at least one chart</source>
        <translation>차트를 하나 이상 고르세요</translation>
    </message>
    <message>
        <source>Choose at least one format</source>
        <translation>형식을 하나 이상 고르세요</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>내보내기 실패: {error}</translation>
    </message>
    <message>
        <source>Nothing exported: every chosen chart is held back</source>
        <translation>내보낸 파일 없음: 고른 차트가 모두 보류되었습니다</translation>
    </message>
    <message>
        <source>{done}/{total} {what}</source>
        <translation>{done}/{total} {what}</translation>
    </message>
    <message>
        <source>Cancelled; no files were written.</source>
        <translation>취소했습니다. 아무 파일도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>{n} files written to {folder} ({sec:.1f} s)</source>
        <translation>{n}개 파일을 {folder}에 저장했습니다 ({sec:.1f}초)</translation>
    </message>
    <message>
        <source>Held back: {line}</source>
        <translation>보류: {line}</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>확인 사항 없음</translation>
    </message>
    <message>
        <source>Deck not updated: {error}</source>
        <translation>덱을 갱신하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Updating {deck}…</source>
        <translation>{deck} 갱신 중…</translation>
    </message>
</context>
<context>
    <name>PriceImporter</name>
    <message>
        <source>Import prices</source>
        <translation>가격 가져오기</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>No column of {file} is the price of a watchlist name; nothing was imported.</source>
        <translation>{file}에 관심 종목의 가격 열이 없습니다. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>Columns found: {found}</source>
        <translation>찾은 열: {found}</translation>
    </message>
    <message>
        <source>Prices imported from {file}: {closes} — market cap and PER follow</source>
        <translation>{file}에서 가격을 가져왔습니다: {closes} — 시가총액과 PER에 반영</translation>
    </message>
    <message>
        <source>{file} could not be read as a price file; nothing was imported.</source>
        <translation>{file}을(를) 가격 파일로 읽을 수 없습니다. 아무것도 가져오지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>RefreshPanel</name>
    <message>
        <source>fetching…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <source>Refresh: {ok} ok, {failed} failed — {summary}</source>
        <translation>새로 고침: {ok}개 성공, {failed}개 실패 — {summary}</translation>
    </message>
    <message>
        <source>{added:,} added, {changed:,} changed, {unchanged:,} unchanged</source>
        <translation>추가 {added:,}건, 변경 {changed:,}건, 동일 {unchanged:,}건</translation>
    </message>
    <message>
        <source>done: {summary}</source>
        <translation>완료: {summary}</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>대기 중…</translation>
    </message>
    <message>
        <source>Refreshing… 0/{n}</source>
        <translation>새로 고침 중… 0/{n}</translation>
    </message>
    <message>
        <source>fetching… {done}/{total}</source>
        <translation>가져오는 중… {done}/{total}</translation>
    </message>
    <message>
        <source>Refreshing… {done}/{n}</source>
        <translation>새로 고침 중… {done}/{n}</translation>
    </message>
    <message>
        <source>Refreshed: {ok} ok, {failed} failed</source>
        <translation>새로 고침: {ok}개 성공, {failed}개 실패</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>예상치 못한 오류</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>새로 고침 실패</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>No problems reported.</source>
        <translation>보고된 문제가 없습니다.</translation>
    </message>
    <message>
        <source>last success {when}</source>
        <translation>마지막 성공 {when}</translation>
    </message>
    <message>
        <source>never succeeded</source>
        <translation>성공 기록 없음</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <source>Data sources…</source>
        <translation>데이터 출처…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>RefreshReasons</name>
    <message>
        <source>connection failed</source>
        <translation>연결 실패</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>응답 시간 초과</translation>
    </message>
    <message>
        <source>refused by the server — check the key or User-Agent</source>
        <translation>서버가 거부함 — 키 또는 User-Agent 확인</translation>
    </message>
    <message>
        <source>not found on the server</source>
        <translation>서버에 없음</translation>
    </message>
    <message>
        <source>too many requests — try again later</source>
        <translation>요청 한도 초과 — 나중에 다시</translation>
    </message>
    <message>
        <source>server error — try again later</source>
        <translation>서버 오류 — 나중에 다시</translation>
    </message>
    <message>
        <source>unexpected answer from the server</source>
        <translation>서버 응답 형식이 다름</translation>
    </message>
    <message>
        <source>no API key — enter it in Settings</source>
        <translation>API 키 없음 — 설정에서 입력</translation>
    </message>
    <message>
        <source>no SEC User-Agent — enter it in Settings</source>
        <translation>SEC User-Agent 없음 — 설정에서 입력</translation>
    </message>
    <message>
        <source>no linked files</source>
        <translation>연결된 파일 없음</translation>
    </message>
    <message>
        <source>a linked file moved or could not be read</source>
        <translation>연결된 파일이 옮겨졌거나 읽을 수 없음</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>예상치 못한 오류</translation>
    </message>
</context>
<context>
    <name>RefreshStatusButton</name>
    <message>
        <source>Refresh ▸</source>
        <translation>새로 고침 ▸</translation>
    </message>
    <message>
        <source>Show the refresh panel: each source&apos;s progress and problems</source>
        <translation>새로 고침 패널 보기: 소스별 진행 상황과 문제</translation>
    </message>
    <message>
        <source>Last success:</source>
        <translation>마지막 성공:</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <source>CDS jump: {series} +60 bp in 20 days</source>
        <extracomment>key -&gt; (the rule&apos;s name with {series} for the watched series&apos; title, both languages; its spec). The note&apos;s watch points (core.monitors.watch_points): the same thresholds as the seeded rules.</extracomment>
        <translation>CDS 급등: {series} 20일 내 +60 bp</translation>
    </message>
    <message>
        <source>Rent drop: {series} −4% in a month</source>
        <translation>대여 가격 하락: {series} 1개월 4% 이상 하락</translation>
    </message>
    <message>
        <source>Thesis break: {series} &gt; 250 bp and H100 −4% m/m</source>
        <translation>논지 훼손: {series} 250bp 초과 + H100 1개월 4% 하락</translation>
    </message>
    <message>
        <source>Condition {n}</source>
        <translation>조건 {n}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>입력하세요</translation>
    </message>
    <message>
        <source>enter a number (got {got})</source>
        <translation>숫자를 입력하세요 (입력: {got})</translation>
    </message>
    <message>
        <source>enter a whole number of days, at least 1</source>
        <translation>1 이상의 정수 일수를 입력하세요</translation>
    </message>
    <message>
        <source>must be ≥ 0 (pick the sign under Direction)</source>
        <translation>0 이상이어야 합니다 (방향은 ‘방향’에서 고르세요)</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>0보다 커야 합니다</translation>
    </message>
    <message>
        <source>no such series in the cache: {got}</source>
        <translation>캐시에 없는 시리즈입니다: {got}</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>알림 규칙</translation>
    </message>
    <message>
        <source>e.g. Oracle CDS jump (empty: the condition is the name)</source>
        <translation>예: 오라클 CDS 급등 (비워 두면 조건이 이름)</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>직접 입력</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>예시</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Conditions (alert when all hold)</source>
        <translation>조건 (모두 충족 시 알림)</translation>
    </message>
    <message>
        <source>+ Add condition (AND)</source>
        <translation>+ 조건 추가 (AND)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>조건 삭제</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Alert rules</source>
        <translation>알림 규칙</translation>
    </message>
    <message>
        <source>Add alert rule…</source>
        <translation>알림 규칙 추가…</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>규칙 삭제</translation>
    </message>
    <message>
        <source>On</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>No rules yet. Use ‘Add alert rule…’.</source>
        <translation>규칙이 없습니다. ‘알림 규칙 추가…’로 만드세요.</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>충족 중</translation>
    </message>
    <message>
        <source>armed</source>
        <translation>대기</translation>
    </message>
</context>
<context>
    <name>ScenarioCasesPanel</name>
    <message>
        <source>Case name</source>
        <translation>케이스 이름</translation>
    </message>
    <message>
        <source>Save current values</source>
        <translation>현재 값 저장</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 변경</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>선택 케이스 비교</translation>
    </message>
    <message>
        <source>Publish as chart</source>
        <translation>차트로 게시</translation>
    </message>
    <message>
        <source>Add the selected case&apos;s curve to the Charts tab (and the export pack)</source>
        <translation>선택한 케이스의 곡선을 차트 탭(과 내보내기 팩)에 사용자 차트로 추가합니다</translation>
    </message>
    <message>
        <source>Current values (autosaved)</source>
        <translation>현재 값 (자동 저장)</translation>
    </message>
    <message>
        <source>Some stored values were ignored: {why}</source>
        <translation>일부 저장 값을 무시했습니다: {why}</translation>
    </message>
    <message>
        <source>Select a case in the list first</source>
        <translation>먼저 목록에서 케이스를 선택하세요</translation>
    </message>
</context>
<context>
    <name>ScenarioChart</name>
    <message>
        <source>The note&apos;s values</source>
        <translation>노트 기준</translation>
    </message>
</context>
<context>
    <name>ScenarioCompareModel</name>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>vs the note: {delta}</source>
        <translation>노트 기준 대비 {delta}</translation>
    </message>
</context>
<context>
    <name>ScenarioGridPanel</name>
    <message>
        <source>Across (columns)</source>
        <translation>가로 (열)</translation>
    </message>
    <message>
        <source>Down (rows)</source>
        <translation>세로 (행)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>칸 수</translation>
    </message>
    <message>
        <source>Centre on current</source>
        <translation>현재 값 중심으로</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>TSV로 복사</translation>
    </message>
    <message>
        <source>Outlined cell = current case. Darker = larger.</source>
        <translation>테두리 칸 = 현재 케이스. 색이 진할수록 값이 큽니다.</translation>
    </message>
    <message>
        <source>Sensitivity table copied (paste into Excel)</source>
        <translation>민감도 표를 클립보드에 복사했습니다 (엑셀에 붙여넣기)</translation>
    </message>
</context>
<context>
    <name>ScenarioOutputCards</name>
    <message>
        <source>Not given in the note</source>
        <translation>노트에는 이 값이 없음</translation>
    </message>
</context>
<context>
    <name>ScenarioParamRow</name>
    <message>
        <source>assumption</source>
        <extracomment>key -&gt; (steps of the single step, steps of the page step); Home/End are handled apart</extracomment>
        <translation>가정</translation>
    </message>
    <message>
        <source>note</source>
        <translation>노트</translation>
    </message>
</context>
<context>
    <name>ScenariosTab</name>
    <message>
        <source>Scenario models</source>
        <translation>시나리오 모델</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>assumption = not in the note (hover for why)</source>
        <translation>가정 = 노트에 없는 값 (마우스를 올리면 근거 표시)</translation>
    </message>
    <message>
        <source>Reset to the note&apos;s values</source>
        <translation>노트 값으로 되돌리기</translation>
    </message>
    <message>
        <source>Set every input back to the note&apos;s figures (and the marked assumptions)</source>
        <translation>모든 입력을 노트의 수치(및 표시된 가정)로 되돌립니다</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>민감도 분석</translation>
    </message>
    <message>
        <source>Compare cases</source>
        <translation>케이스 비교</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>케이스</translation>
    </message>
    <message>
        <source>From the note</source>
        <translation>노트 근거</translation>
    </message>
    <message>
        <source>Values that differ from the note&apos;s are highlighted. Select several cases in the Cases tab to compare them.</source>
        <translation>노트 기준과 다른 값은 강조 표시됩니다. 케이스 탭에서 여러 개를 선택해 비교하세요.</translation>
    </message>
    <message>
        <source>Figures taken from the note, with the sentence each comes from.</source>
        <translation>노트 본문에서 가져온 수치와 근거 문장입니다.</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Quote from the note</source>
        <translation>본문 근거</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>저장했습니다: {name}</translation>
    </message>
    <message>
        <source>Loaded: {name}</source>
        <translation>불러왔습니다: {name}</translation>
    </message>
    <message>
        <source>Renamed: {old} → {new}</source>
        <translation>이름을 바꿨습니다: {old} → {new}</translation>
    </message>
    <message>
        <source>Deleted: {name}</source>
        <translation>삭제했습니다: {name}</translation>
    </message>
    <message>
        <source>The note&apos;s values</source>
        <translation>노트 기준</translation>
    </message>
    <message>
        <source>Current values (autosaved)</source>
        <translation>현재 값 (자동 저장)</translation>
    </message>
    <message>
        <source>On screen now</source>
        <translation>화면의 현재 값</translation>
    </message>
    <message>
        <source>Published to the Charts tab: {title}</source>
        <translation>차트 탭에 게시했습니다: {title}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>SeriesEditor</name>
    <message>
        <source>A series id is letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>시리즈 ID는 영문·숫자·&apos;.&apos;·&apos;_&apos;·&apos;-&apos;만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>A scenario curve is not a dated series and cannot be edited here (publish it again from the Scenarios tab)</source>
        <translation>시나리오 곡선은 날짜 시리즈가 아니어서 여기서 편집할 수 없습니다 (시나리오 탭에서 다시 게시)</translation>
    </message>
    <message>
        <source>Not saved: the stored history is kept</source>
        <translation>저장하지 않음: 저장된 이력을 유지합니다</translation>
    </message>
    <message>
        <source>Replace the stored history?</source>
        <translation>저장된 이력을 바꿀까요?</translation>
    </message>
    <message>
        <source>“{title}” holds {n} illustrative points ({first} – {last}). Saving replaces them with the {typed} typed here.</source>
        <translation>“{title}”에는 예시 데이터 {n}개({first} – {last})가 있습니다. 저장하면 여기 입력한 {typed}개로 바뀝니다.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>Saved: {added} added, {changed} changed, {unchanged} unchanged</source>
        <translation>저장됨: 추가 {added}건, 변경 {changed}건, 동일 {unchanged}건</translation>
    </message>
    <message>
        <source>Enter series values</source>
        <translation>시리즈 값 입력</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Title (Korean)</source>
        <translation>제목(한국어)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>제목(영어)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>주기</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Illustrative data: saving replaces it</source>
        <translation>예시 데이터입니다: 저장하면 입력한 값으로 대체됩니다</translation>
    </message>
    <message>
        <source>Paste a &apos;date⇥value&apos; block copied from Excel with Ctrl+V (e.g. 2Q26 ⇥ +11%)</source>
        <translation>Excel에서 복사한 &apos;날짜⇥값&apos; 블록을 Ctrl+V로 붙여 넣을 수 있습니다 (예: 2Q26 ⇥ +11%)</translation>
    </message>
    <message>
        <source>Add rows</source>
        <translation>행 추가</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>what ``refresh`` runs (``services.refresh_sources.configured_providers``): the market-data providers, then SEC filings and end-of-day quotes, then the linked workbooks</extracomment>
        <translation>설정</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>시스템 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Chart house style</source>
        <translation>차트 하우스 스타일</translation>
    </message>
    <message>
        <source>Cache file</source>
        <translation>캐시 파일</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>보관할 자동 백업 수</translation>
    </message>
    <message>
        <source>Auto-refresh every (minutes, 0 = off)</source>
        <translation>자동 새로고침 간격(분, 0=끔)</translation>
    </message>
    <message>
        <source>Auto-refresh sources</source>
        <translation>자동 새로고침 소스</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>데이터 출처</translation>
    </message>
    <message>
        <source>SEC User-Agent</source>
        <translation>SEC 사용자 에이전트(User-Agent)</translation>
    </message>
    <message>
        <source>Your name and e-mail, e.g. Jane Analyst jane@example.com</source>
        <translation>이름과 이메일, 예: Jane Analyst jane@example.com</translation>
    </message>
    <message>
        <source>OpenRouter API key</source>
        <translation>OpenRouter API 키</translation>
    </message>
    <message>
        <source>SEC filings (share counts) and Meta&apos;s ad metrics need it; SEC asks for your name and a contact e-mail.</source>
        <translation>SEC 공시(주식 수)와 Meta 광고 지표에 필요합니다. SEC는 이름과 연락 이메일을 요구합니다.</translation>
    </message>
    <message>
        <source>Sent to SEC EDGAR with every request.</source>
        <translation>SEC EDGAR에 요청할 때마다 보냅니다.</translation>
    </message>
    <message>
        <source>SEC asks for a name and a contact e-mail, e.g. &quot;Jane Analyst jane@example.com&quot;.</source>
        <translation>SEC는 이름과 연락 이메일을 요구합니다. 예: &quot;Jane Analyst jane@example.com&quot;.</translation>
    </message>
    <message>
        <source>No OS keyring is available to keep the key; install and unlock one (e.g. GNOME Keyring or KWallet).</source>
        <translation>키를 보관할 OS 키링이 없습니다. 키링(예: GNOME Keyring, KWallet)을 설치하고 잠금을 해제하세요.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Quote service key (Tiingo)</source>
        <translation>시세 서비스 키 (Tiingo)</translation>
    </message>
    <message>
        <source>Artificial Analysis API key</source>
        <translation>Artificial Analysis API 키</translation>
    </message>
    <message>
        <source>Stored: {masked}</source>
        <translation>저장됨: {masked}</translation>
    </message>
    <message>
        <source>No key stored</source>
        <translation>저장된 키 없음</translation>
    </message>
    <message>
        <source>Keys are kept only in the OS keyring</source>
        <translation>키는 OS 키링에만 저장됩니다</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중… (지난번 화면)</translation>
    </message>
</context>
<context>
    <name>SourcesUi</name>
    <message>
        <source>Data sources</source>
        <translation>데이터 출처</translation>
    </message>
    <message>
        <source>Import prices…</source>
        <translation>가격 가져오기…</translation>
    </message>
</context>
<context>
    <name>WatchlistCheck</name>
    <message>
        <source>S&amp;P 500 benchmark</source>
        <extracomment>The benchmark &quot;fields&quot; of an issue; the others are core.watchlist.FIELD_LABELS (content pairs the CLI&apos;s messages use too).</extracomment>
        <translation>S&amp;P 500 벤치마크</translation>
    </message>
    <message>
        <source>Big-tech benchmark</source>
        <translation>빅테크 벤치마크</translation>
    </message>
    <message>
        <source>Report check</source>
        <translation>보고서 점검</translation>
    </message>
    <message>
        <source>Stale after</source>
        <translation>기준일 경과 한도</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>{errors} errors · {warnings} warnings</source>
        <translation>오류 {errors} · 경고 {warnings}</translation>
    </message>
    <message>
        <source>No issues — ready to publish</source>
        <translation>문제 없음 — 발행 가능</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
</context>
<context>
    <name>WatchlistColumns</name>
    <message>
        <source>Note order</source>
        <translation>노트 순서로</translation>
    </message>
</context>
<context>
    <name>WatchlistDetail</name>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>모니터</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Pick a name in the table to see details</source>
        <translation>표에서 종목을 고르면 상세가 보입니다</translation>
    </message>
    <message>
        <source>History (market cap, PER)</source>
        <translation>이력 (시가총액·PER)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>근거 데이터</translation>
    </message>
    <message>
        <source>Click to open in the Charts tab</source>
        <translation>클릭하면 차트 탭에서 엽니다</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>최근값</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>연결 해제</translation>
    </message>
    <message>
        <source>Series or chart id</source>
        <translation>시리즈 또는 차트 ID</translation>
    </message>
    <message>
        <source>Market cap {cap} · 12MF PER {per} · vs S&amp;P 500 {vs_sp} · vs big tech {vs_bt}</source>
        <translation>시가총액 {cap} · 12MF PER {per} · S&amp;P 500 대비 {vs_sp} · 빅테크 대비 {vs_bt}</translation>
    </message>
    <message>
        <source>As of {as_of}</source>
        <translation>기준일 {as_of}</translation>
    </message>
</context>
<context>
    <name>WatchlistFooter</name>
    <message>
        <source>Note: market cap in USD bn; PER premium (+) / discount (−) vs benchmark</source>
        <translation>주: 시가총액 십억달러, PER 프리미엄(+)/할인(−)은 벤치마크 대비</translation>
    </message>
    <message>
        <source>Benchmark PER</source>
        <translation>벤치마크 PER</translation>
    </message>
    <message>
        <source>S&amp;P 500</source>
        <translation>S&amp;P 500</translation>
    </message>
    <message>
        <source>Big-tech avg</source>
        <translation>빅테크 평균</translation>
    </message>
    <message>
        <source>x</source>
        <translation>배</translation>
    </message>
</context>
<context>
    <name>WatchlistHistory</name>
    <message>
        <source>Note (seed)</source>
        <translation>노트 원본</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>이전 버전</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>자동 갱신</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>시가총액</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>기록 시각</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>12MF PER</source>
        <translation>12MF PER</translation>
    </message>
    <message>
        <source>How</source>
        <translation>경위</translation>
    </message>
</context>
<context>
    <name>WatchlistOps</name>
    <message>
        <source>S&amp;P 500</source>
        <translation>S&amp;P 500</translation>
    </message>
    <message>
        <source>Big-tech avg</source>
        <translation>빅테크 평균</translation>
    </message>
    <message>
        <source>{ticker} 12MF earnings: {old} → {new}</source>
        <translation>{ticker} 12MF 순이익 추정: {old} → {new}</translation>
    </message>
    <message>
        <source>Not saved: {msg}</source>
        <translation>저장 실패: {msg}</translation>
    </message>
    <message>
        <source>Saved: {what}</source>
        <translation>저장됨: {what}</translation>
    </message>
    <message>
        <source>Rejected — {msg}</source>
        <translation>입력 거부 — {msg}</translation>
    </message>
    <message>
        <source>{ticker} {field}: {old} → {new}</source>
        <translation>{ticker} {field}: {old} → {new}</translation>
    </message>
    <message>
        <source>Add {ticker}</source>
        <translation>{ticker} 추가</translation>
    </message>
    <message>
        <source>Remove {ticker}</source>
        <translation>{ticker} 삭제</translation>
    </message>
    <message>
        <source>{ticker} removed — Ctrl+Z to undo</source>
        <translation>{ticker} 삭제됨 — Ctrl+Z로 되돌리기</translation>
    </message>
    <message>
        <source>Move {ticker}</source>
        <translation>{ticker} 순서 이동</translation>
    </message>
    <message>
        <source>Benchmark {name} {old}x → {new}x</source>
        <translation>벤치마크 {name} {old}배 → {new}배</translation>
    </message>
    <message>
        <source>Change {ticker} evidence links</source>
        <translation>{ticker} 근거 링크 변경</translation>
    </message>
    <message>
        <source>Nothing imported — {msg}</source>
        <translation>가져오지 않음 — {msg}</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>{file} 가져오기</translation>
    </message>
    <message>
        <source>{file}: {added} added, {changed} changed, {unchanged} unchanged</source>
        <translation>{file}: {added}개 추가, {changed}개 변경, {unchanged}개 동일</translation>
    </message>
    <message>
        <source>Wrote {n} names to {path}</source>
        <translation>{n}개 종목을 {path}에 저장</translation>
    </message>
    <message>
        <source>{ticker} 12MF earnings {value} ({as_of}) → PER recomputed</source>
        <translation>{ticker} 12MF 순이익 {value} ({as_of}) → PER 재계산</translation>
    </message>
</context>
<context>
    <name>WatchlistTab</name>
    <message>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <source>Market cap (USD bn)</source>
        <translation>시가총액(십억달러)</translation>
    </message>
    <message>
        <source>12MF PER</source>
        <translation>12MF PER</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>투자 포인트</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>주목할 점</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>vs S&amp;P 500 ({x}x)</source>
        <translation>S&amp;P 500 대비 ({x}배)</translation>
    </message>
    <message>
        <source>vs big tech ({x}x)</source>
        <translation>빅테크 대비 ({x}배)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>상세</translation>
    </message>
    <message>
        <source>Report check ({n})</source>
        <translation>보고서 점검 ({n})</translation>
    </message>
    <message>
        <source>{shown} of {total} names</source>
        <translation>{shown}/{total}개 종목</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>스프레드시트 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Copied {n} rows</source>
        <translation>{n}개 행 복사됨</translation>
    </message>
</context>
<context>
    <name>WatchlistToolbar</name>
    <message>
        <source>Filter names and thesis (Ctrl+F)</source>
        <translation>종목·투자 포인트 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>New ticker</source>
        <translation>새 티커</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
</context>
<context>
    <name>WatchlistValues</name>
    <message>
        <source>Market cap (USD bn)</source>
        <translation>시가총액 (십억달러)</translation>
    </message>
    <message>
        <source>12MF PER</source>
        <translation>12MF PER</translation>
    </message>
    <message>
        <source>Close (USD)</source>
        <translation>종가 (달러)</translation>
    </message>
    <message>
        <source>Close on the note&apos;s date (USD)</source>
        <translation>노트 기준일 종가 (USD)</translation>
    </message>
    <message>
        <source>Shares outstanding</source>
        <translation>발행주식수</translation>
    </message>
    <message>
        <source>12MF earnings estimate</source>
        <translation>12MF 순이익 추정</translation>
    </message>
    <message>
        <source>Capex (TTM)</source>
        <translation>Capex (최근 4분기)</translation>
    </message>
    <message>
        <source>Revenue (TTM)</source>
        <translation>매출 (최근 4분기)</translation>
    </message>
    <message>
        <source>close × shares outstanding (SEC)</source>
        <extracomment>what a live market cap / PER rests on (``live.value_table``&apos;s ``basis``); the full line is the tooltip</extracomment>
        <translation>종가 × 발행 주식 수 (SEC)</translation>
    </message>
    <message>
        <source>note&apos;s market cap × price move since its date (no share count yet)</source>
        <translation>노트 시가총액 × 노트 기준일 이후 주가 변화 (주식 수 아직 없음)</translation>
    </message>
    <message>
        <source>market cap ÷ 12MF earnings estimate</source>
        <translation>시가총액 ÷ 12MF 이익 추정치</translation>
    </message>
    <message>
        <source>What the figures rest on (as of, source)</source>
        <translation>수치의 근거 (기준일·출처)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>기준일</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>12MF earnings estimate (USD bn)</source>
        <translation>12MF 순이익 추정 (십억달러)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>note</source>
        <translation>노트</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>애널리스트</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>경과</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Q&amp;AI Desktop</source>
        <translation>Q&amp;AI 데스크톱에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>The note&apos;s watchlist, charts, monitors and scenarios are ready in your local cache.</source>
        <translation>노트의 워치리스트, 차트, 모니터, 시나리오가 로컬 캐시에 준비되어 있습니다.</translation>
    </message>
    <message>
        <source>Real data (attributed)</source>
        <translation>실제 데이터(출처 표기)</translation>
    </message>
    <message>
        <source>Illustrative data — generated, unsourced; marked &apos;Illustrative data&apos; in every view and export</source>
        <translation>예시 데이터 — 출처 없는 생성값, 모든 화면과 내보내기에 &apos;예시 데이터&apos;로 표시</translation>
    </message>
    <message>
        <source>To replace them, drag Bloomberg/CSV/XLSX files onto the window or use File → Import… (Ctrl+I), or refresh open sources (Ctrl+R). Ctrl+K finds anything.</source>
        <translation>실제 데이터로 바꾸려면 파일 → 가져오기(Ctrl+I)로 Bloomberg·CSV·XLSX 파일을 끌어 놓거나, 새로고침(Ctrl+R)으로 공개 소스를 받으세요. Ctrl+K로 무엇이든 찾을 수 있습니다.</translation>
    </message>
</context>
</TS>
