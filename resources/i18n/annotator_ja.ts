<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>All articles</source>
        <translation>すべての記事</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>すべてのラウンド</translation>
    </message>
    <message>
        <source>Search titles and text…</source>
        <translation>タイトルと本文を検索…</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>作業中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Chars</source>
        <translation>文字数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>The article&apos;s id (file name or id column at import): what `annotator` commands and the reports call it</source>
        <translation>記事の ID(インポート時のファイル名または id 列)。`annotator` コマンドとレポートはこの名前で記事を指します</translation>
    </message>
    <message>
        <source>Length in characters</source>
        <translation>文字数</translation>
    </message>
    <message>
        <source>Your status: ○ not started, ◐ in progress, ● done</source>
        <translation>あなたの状態:○ 未着手、◐ 作業中、● 完了</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>✔ all agree</source>
        <extracomment>The gold lane&apos;s tint: this amber laid over the palette&apos;s base at 12% (#fff8e1 on white; a warm dark on a dark palette).</extracomment>
        <translation>✔ 全員一致</translation>
    </message>
    <message>
        <source>≈ partly</source>
        <translation>≈ 部分一致</translation>
    </message>
    <message>
        <source>• alone</source>
        <translation>• 単独</translation>
    </message>
    <message>
        <source>★gold</source>
        <translation>★ゴールド</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>作業中</translation>
    </message>
    <message>
        <source>adjudicated</source>
        <translation>裁定済み</translation>
    </message>
    <message>
        <source>The article&apos;s id (file name or id column at import)</source>
        <translation>記事の ID(インポート時のファイル名または id 列)</translation>
    </message>
    <message>
        <source>Adjudication: ★ adjudicated, ◐ in progress, ○ not started</source>
        <translation>裁定:★ 裁定済み、◐ 作業中、○ 未着手</translation>
    </message>
    <message>
        <source>gold: {}</source>
        <translation>ゴールド:{}</translation>
    </message>
    <message>
        <source>{coder} {done}/{total} done</source>
        <translation>{coder} {done}/{total} 完了</translation>
    </message>
    <message>
        <source>{coder}: {done} done, {busy} in progress, {idle} not started of {total} shown</source>
        <translation>{coder}:表示中の {total} 件のうち完了 {done}、作業中 {busy}、未着手 {idle}</translation>
    </message>
    <message>
        <source>adjudicated {done}/{total}</source>
        <translation>裁定済み {done}/{total}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>{folder} already holds {n} report file(s) of an earlier export:

{names}

Replace them?</source>
        <translation>{folder} には以前のエクスポートによるレポートファイルが {n} 件あります:

{names}

置き換えますか?</translation>
    </message>
    <message>
        <source>{file} already exists.

Replace it?</source>
        <translation>{file} はすでに存在します。

置き換えますか?</translation>
    </message>
    <message>
        <source>Nothing written: the earlier workbook {file} is kept.</source>
        <translation>何も書き出していません。以前のブック {file} はそのままです。</translation>
    </message>
    <message>
        <source>Wrote {file}: one sheet per report file.</source>
        <translation>{file} を書き出しました(レポートファイルごとに 1 シート)。</translation>
    </message>
    <message>
        <source>Export agreement report as Excel workbook</source>
        <translation>一致度レポートを Excel ブックとしてエクスポート</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (into a folder)…</source>
        <translation>CSV ファイル(フォルダーへ)…</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)…</source>
        <translation>Excel ブック(.xlsx)…</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Krippendorff&apos;s rule of thumb: &gt;= 0.800 reliable, &gt;= 0.667 tentative conclusions only.</extracomment>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ (tokens)</source>
        <translation>Cohen のκ(トークン)</translation>
    </message>
    <message>
        <source>Span F1, exact</source>
        <translation>スパン F1(完全一致)</translation>
    </message>
    <message>
        <source>Span F1, overlap</source>
        <translation>スパン F1(重なり)</translation>
    </message>
    <message>
        <source>{file} is already open in another Framing Annotator window (process {process}).</source>
        <extracomment>What :func:`choose_coder` returns when the user chose &quot;Adjudicate (lead)&quot; (never a valid coder name: it holds a control character). How long an edit in the window waits for another program&apos;s write before saying so: short, so the window never freezes behind a long import.</extracomment>
        <translation>{file} は別の Framing Annotator のウィンドウ(プロセス {process})ですでに開かれています。</translation>
    </message>
    <message>
        <source>{file} is already open in another Framing Annotator window.</source>
        <translation>{file} は別の Framing Annotator のウィンドウですでに開かれています。</translation>
    </message>
    <message>
        <source>Two windows editing one file can undo each other&apos;s work. Open it read-only?</source>
        <translation>2 つのウィンドウで 1 つのファイルを編集すると、互いの作業を打ち消すおそれがあります。読み取り専用で開きますか?</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen のκ</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ, quadratic weights (ordinal)</source>
        <translation>Cohen のκ、二次の重み(順序尺度)</translation>
    </message>
    <message>
        <source>yes / no</source>
        <translation>はい/いいえ</translation>
    </message>
    <message>
        <source>one answer</source>
        <translation>回答は 1 つ</translation>
    </message>
    <message>
        <source>one point on an ordered scale</source>
        <translation>順序尺度上の 1 点</translation>
    </message>
    <message>
        <source>any number of answers</source>
        <translation>回答はいくつでも</translation>
    </message>
    <message>
        <source>Include / 含める</source>
        <translation>含める</translation>
    </message>
    <message>
        <source>Exclude / 含めない</source>
        <translation>含めない</translation>
    </message>
    <message>
        <source>Examples / 例</source>
        <translation>例</translation>
    </message>
    <message>
        <source>key {key}</source>
        <translation>キー {key}</translation>
    </message>
    <message>
        <source>はい Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>いいえ No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>asked when {question} is {answer}</source>
        <translation>「{question}」が「{answer}」のときに回答</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Answers / 選択肢</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <source>Article codes / 記事のコード</source>
        <translation>記事コード</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>コーダー</translation>
    </message>
    <message>
        <source>frame / article code</source>
        <translation>フレーム/記事コード</translation>
    </message>
    <message>
        <source>precision (exact)</source>
        <translation>適合率(完全一致)</translation>
    </message>
    <message>
        <source>recall (exact)</source>
        <translation>再現率(完全一致)</translation>
    </message>
    <message>
        <source>F1 (exact)</source>
        <translation>F1(完全一致)</translation>
    </message>
    <message>
        <source>precision (overlap)</source>
        <translation>適合率(重なり)</translation>
    </message>
    <message>
        <source>recall (overlap)</source>
        <translation>再現率(重なり)</translation>
    </message>
    <message>
        <source>F1 (overlap)</source>
        <translation>F1(重なり)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>articles</source>
        <translation>記事数</translation>
    </message>
    <message>
        <source>the {n} article(s) whose adjudication is done</source>
        <translation>裁定が完了した {n} 件の記事</translation>
    </message>
    <message>
        <source>the {n} article(s) with any gold (no article is adjudicated done yet, so the gold may be only the pre-fill)</source>
        <translation>ゴールドのある {n} 件の記事(裁定が完了した記事はまだないため、ゴールドは事前入力だけの可能性があります)</translation>
    </message>
    <message>
        <source>Each coder against gold on {which}, among those the coder marked done. Frames: span precision, recall and F1 (exact offsets, or overlapping, matched one to one) and Cohen&apos;s κ on tokens; article codes: accuracy and Cohen&apos;s κ on the articles both answered. — : undefined.</source>
        <translation>{which}のうち、そのコーダーが完了にした記事で、各コーダーをゴールドと比べます。フレーム:スパンの適合率・再現率・F1(位置の完全一致、または重なりで 1 対 1 に対応づけ)とトークン単位の Cohen のκ。記事コード:両方が回答した記事での正解率と Cohen のκ。— :算出不能。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Everything you did before this is saved in the project file. If it happens again, send the log file to your project lead:
{log}</source>
        <translation>問題が発生しました:{error}

ここまでの作業はすべてプロジェクトファイルに保存されています。再び起きる場合は、次のログファイルをプロジェクトのリードに送ってください:
{log}</translation>
    </message>
    <message>
        <source>article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>text in context</source>
        <translation>前後の文脈</translation>
    </message>
    <message>
        <source>coders with</source>
        <translation>付けたコーダー</translation>
    </message>
    <message>
        <source>coders without</source>
        <translation>付けなかったコーダー</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>{kept} of {whole} characters kept</source>
        <translation>{whole} 文字中 {kept} 文字を残す</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>取り込み元</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>文字数</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>already in the project as {}</source>
        <translation>{} としてプロジェクトに登録済み</translation>
    </message>
    <message>
        <source>same text as {}</source>
        <translation>{} と同じ本文</translation>
    </message>
    <message>
        <source>error: {}</source>
        <translation>エラー:{}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <extracomment>(object name, text, module, function, writes the open project)</extracomment>
        <translation>記事をインポート…</translation>
    </message>
    <message>
        <source>Calibration rounds…</source>
        <translation>較正ラウンド…</translation>
    </message>
    <message>
        <source>Hand out copies…</source>
        <translation>コピーを配布…</translation>
    </message>
    <message>
        <source>Merge returned copies…</source>
        <translation>返却されたコピーを統合…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新規プロジェクト…</translation>
    </message>
    <message>
        <source>Create a new project file from the default schema or a schema file</source>
        <translation>既定のスキーマまたはスキーマファイルから新しいプロジェクトファイルを作成します</translation>
    </message>
    <message>
        <source>Import from another tool…</source>
        <translation>他のツールからインポート…</translation>
    </message>
    <message>
        <source>Articles and spans from INCEpTION, a REFI-QDA project, Label Studio or doccano</source>
        <translation>INCEpTION、REFI-QDA プロジェクト、Label Studio、doccano から記事とスパンを取り込みます</translation>
    </message>
    <message>
        <source>The project is open read-only</source>
        <translation>プロジェクトは読み取り専用で開かれています</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>JSONL, CSV, Excel, brat, or another tool&apos;s format</source>
        <translation>JSONL、CSV、Excel、brat、または他のツールの形式</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>プロジェクト(&amp;P)</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α on tokens</source>
        <translation>トークン単位の Krippendorff のα</translation>
    </message>
    <message>
        <source>unitizing α on characters</source>
        <translation>文字単位の単位化α</translation>
    </message>
    <message>
        <source>Click a span first, then move its edges with Alt+Shift+arrows.</source>
        <translation>まずスパンをクリックし、Alt+Shift+矢印キーで端を動かしてください。</translation>
    </message>
    <message>
        <source>The span cannot become empty: its start and end would meet.</source>
        <translation>スパンを空にはできません(始点と終点が重なります)。</translation>
    </message>
    <message>
        <source>The span already reaches the start or end of the article.</source>
        <translation>スパンはすでに記事の先頭または末尾に達しています。</translation>
    </message>
    <message>
        <source>Move span end right</source>
        <translation>スパンの終点を右へ</translation>
    </message>
    <message>
        <source>Move span end left</source>
        <translation>スパンの終点を左へ</translation>
    </message>
    <message>
        <source>Move span start left</source>
        <translation>スパンの始点を左へ</translation>
    </message>
    <message>
        <source>Move span start right</source>
        <translation>スパンの始点を右へ</translation>
    </message>
    <message>
        <source>One token at a time (one character in character precision); you can also drag an edge of the selected span</source>
        <translation>1 トークンずつ(文字単位の選択では 1 文字ずつ)。選択中のスパンの端をドラッグしても動かせます</translation>
    </message>
    <message>
        <source>Select some text first, then press a frame key.</source>
        <translation>まず本文を選択してから、フレームのキーを押してください。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>{start}〜{end} 文字目</translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="vanished">位置</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>Tag the selection as {label} (key {key})</source>
        <translation>選択箇所に「{label}」を付ける(キー {key})</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>スパンを削除</translation>
    </message>
    <message>
        <source>Delete the selected span (Del)</source>
        <translation>選択中のスパンを削除(Del)</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>メモ…</translation>
    </message>
    <message>
        <source>Edit the note of the selected span (Ctrl+N)</source>
        <translation>選択中のスパンのメモを編集(Ctrl+N)</translation>
    </message>
    <message>
        <source>Done ▸ next</source>
        <translation>完了 ▸ 次へ</translation>
    </message>
    <message>
        <source>Mark this article done and open the next (Ctrl+Enter)</source>
        <translation>この記事を完了にして次の記事を開く(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Mark this done article as in progress again</source>
        <translation>完了にしたこの記事を作業中に戻す</translation>
    </message>
    <message>
        <source>Next article</source>
        <translation>次の記事</translation>
    </message>
    <message>
        <source>Previous article</source>
        <translation>前の記事</translation>
    </message>
    <message>
        <source>Character precision</source>
        <translation>文字単位で選択</translation>
    </message>
    <message>
        <source>Select single characters instead of whole tokens (a character is never split)</source>
        <translation>トークン単位ではなく 1 文字単位で選択します(文字が分割されることはありません)</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>プロジェクトを開く…</translation>
    </message>
    <message>
        <source>Open another project file (.annot)</source>
        <translation>別のプロジェクトファイル(.annot)を開く</translation>
    </message>
    <message>
        <source>Switch coder…</source>
        <translation>コーダーを切り替え…</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>一致度…</translation>
    </message>
    <message>
        <source>Inter-annotator agreement of the coders who have marked articles done</source>
        <translation>記事を完了にしたコーダー間の一致度</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The languages of the interface, each named in its own language (as the menu shows them). Forces a language (``ja`` or ``en``) over the system&apos;s and the user&apos;s choice.</extracomment>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>記事(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <extracomment>Points added or taken per step; the zoom stays between MIN and MAX points from the default.</extracomment>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>元の大きさ</translation>
    </message>
    <message>
        <source>Tag the selection as {label}, or relabel the selected span</source>
        <translation type="vanished">選択箇所に「{label}」を付ける、または選択中のスパンのラベルを変更</translation>
    </message>
    <message>
        <source>Tag as {label} (or relabel the selected span)</source>
        <translation>「{label}」を付ける(または選択中のスパンのラベルを変更)</translation>
    </message>
    <message>
        <source>Select text (the selection snaps to whole tokens)</source>
        <translation>本文を選択(選択範囲はトークン単位に広がります)</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>ドラッグ</translation>
    </message>
    <message>
        <source>Extend the selection token by token</source>
        <translation>選択範囲をトークン単位で広げる</translation>
    </message>
    <message>
        <source>Select a span</source>
        <translation>スパンを選択</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>クリック</translation>
    </message>
    <message>
        <source>Delete the selected span</source>
        <translation>選択中のスパンを削除</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>選択を解除</translation>
    </message>
    <message>
        <source>Zoom the text</source>
        <translation>本文の拡大・縮小</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+ホイール</translation>
    </message>
    <message>
        <source>Frame keys</source>
        <translation>フレームのキー</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>記事の本文</translation>
    </message>
    <message>
        <source>Edit the note of the selected span</source>
        <translation>選択中のスパンのメモを編集</translation>
    </message>
    <message>
        <source>double-click</source>
        <translation>ダブルクリック</translation>
    </message>
    <message>
        <source>Relabel the selected span</source>
        <translation>選択中のスパンのラベルを変更</translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation>メモを保存</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>改行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Spans panel</source>
        <translation>スパン一覧</translation>
    </message>
    <message>
        <source>Note dialog</source>
        <translation>メモのダイアログ</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>プロジェクトファイル:</translation>
    </message>
    <message>
        <source>Annotate media framing in Japanese news and measure agreement.</source>
        <translation>日本語ニュースのメディア・フレーミングをアノテーションし、一致度を測ります。</translation>
    </message>
    <message>
        <source>About Framing Annotator</source>
        <translation>Framing Annotator について</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>AdjudicationWindow</name>
    <message>
        <source>{project} — Adjudication (lead) — Framing Annotator</source>
        <translation>{project} — 裁定(リード) — Framing Annotator</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>Coders&apos; spans · gold answers · coders&apos; answers</source>
        <translation>コーダーのスパン · ゴールドの回答 · コーダーの回答</translation>
    </message>
    <message>
        <source>Read-only: nothing can be changed.</source>
        <translation>読み取り専用:変更はできません。</translation>
    </message>
    <message>
        <source>Every decision is saved to the master as you make it.</source>
        <translation>裁定はその都度マスターに保存されます。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>&amp;Adjudicate</source>
        <translation>裁定(&amp;A)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>Accept picked coder span</source>
        <translation>選んだコーダーのスパンを採用</translation>
    </message>
    <message>
        <source>Accept agreed by all coders</source>
        <translation>全コーダーが一致したものを採用</translation>
    </message>
    <message>
        <source>Accept agreed by a majority</source>
        <translation>過半数が一致したものを採用</translation>
    </message>
    <message>
        <source>Accept agreed by at least k coders…</source>
        <translation>k 人以上が一致したものを採用…</translation>
    </message>
    <message>
        <source>Reject selected gold span</source>
        <translation>選択中のゴールドスパンを却下</translation>
    </message>
    <message>
        <source>Move gold span to the selection</source>
        <translation>ゴールドスパンを選択範囲へ移動</translation>
    </message>
    <message>
        <source>Note why…</source>
        <translation>理由をメモ…</translation>
    </message>
    <message>
        <source>Mark adjudicated and open next</source>
        <translation>裁定済みにして次を開く</translation>
    </message>
    <message>
        <source>Reopen article</source>
        <translation>記事を再開</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>一致度…</translation>
    </message>
    <message>
        <source>Inter-annotator agreement of the coders who have marked articles done</source>
        <translation>記事を完了にしたコーダー間の一致度</translation>
    </message>
    <message>
        <source>Reliability report…</source>
        <translation>信頼性レポート…</translation>
    </message>
    <message>
        <source>One HTML file with alpha, intervals, figures and a methods paragraph</source>
        <translation>α、信頼区間、図、方法の記述をまとめた 1 つの HTML ファイル</translation>
    </message>
    <message>
        <source>no coder is done yet</source>
        <translation>完了したコーダーはまだいません</translation>
    </message>
    <message>
        <source>coders done: {coders} · {n} gold span(s) · {status} · lanes beside the text, mark under a bar: {legend}</source>
        <translation>完了したコーダー:{coders} · ゴールドスパン {n} 件 · {status} · 本文の横にレーン、バーの下の印:{legend}</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>元に戻す:{what}</translation>
    </message>
    <message>
        <source>Pick a coder&apos;s span (A accepts it), select text and press 1-9, or G to accept what all coders agree on.</source>
        <translation>コーダーのスパンを選ぶ(A で採用)、本文を選択して 1〜9 を押す、または G で全コーダーが一致したものを採用します。</translation>
    </message>
    <message>
        <source>Pick a coder&apos;s span first (in the lanes or the list).</source>
        <translation>まずコーダーのスパンを選んでください(レーンまたは一覧で)。</translation>
    </message>
    <message>
        <source>Accept agreed</source>
        <translation>一致したものを採用</translation>
    </message>
    <message>
        <source>At least how many coders?</source>
        <translation>何人以上のコーダーが一致したものを採用しますか?</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The reason for this decision:</source>
        <translation>この裁定の理由:</translation>
    </message>
</context>
<context>
    <name>AgreementFilters</name>
    <message>
        <source>Coders:</source>
        <translation>コーダー:</translation>
    </message>
    <message>
        <source>Check at least two coders to compare.</source>
        <translation>比べるコーダーを 2 人以上選んでください。</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>記事:</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>すべての記事</translation>
    </message>
    <message>
        <source>Round {name} ({date}, {n} article(s))</source>
        <translation>ラウンド {name}({date}、記事 {n} 件)</translation>
    </message>
    <message>
        <source>Round {name} ({n} article(s))</source>
        <translation>ラウンド {name}(記事 {n} 件)</translation>
    </message>
    <message>
        <source>Compare the coders on the articles of one calibration round</source>
        <translation>1 つの較正ラウンドの記事でコーダーを比べます</translation>
    </message>
    <message>
        <source>No calibration rounds yet (Project → Calibration rounds…)</source>
        <translation>較正ラウンドはまだありません(プロジェクト → 較正ラウンド…)</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <source>Computing agreement</source>
        <translation>一致度を計算しています</translation>
    </message>
    <message>
        <source>Agreement — Framing Annotator</source>
        <translation>一致度 — Framing Annotator</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>level</source>
        <translation>分析単位</translation>
    </message>
    <message>
        <source>label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>{0}% CI</source>
        <translation>{0}% 信頼区間</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>観察一致率</translation>
    </message>
    <message>
        <source>units</source>
        <translation>単位数</translation>
    </message>
    <message>
        <source>coders</source>
        <translation>コーダー数</translation>
    </message>
    <message>
        <source>note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>フレーム:</translation>
    </message>
    <message>
        <source>Matrix:</source>
        <translation>行列:</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>不一致箇所</translation>
    </message>
    <message>
        <source>Label confusion</source>
        <translation>ラベルの混同</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>all frames</source>
        <translation>全フレーム</translation>
    </message>
    <message>
        <source>Coder vs gold</source>
        <translation>コーダー対ゴールド</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>ラウンド</translation>
    </message>
    <message>
        <source>all articles</source>
        <translation>全記事</translation>
    </message>
    <message>
        <source>{coders} · {round}: {n} article(s) · cells: green ≥ {good}, yellow ≥ {tentative}, red below, grey undefined</source>
        <translation>{coders} · {round}:記事 {n} 件 · セル:緑 ≥ {good}、黄 ≥ {tentative}、赤はそれ未満、灰色は算出不能</translation>
    </message>
    <message>
        <source>no coder has marked an article done</source>
        <translation>記事を完了にしたコーダーはいません</translation>
    </message>
    <message>
        <source>Cancelled: the report shown is the one before.</source>
        <translation>中止しました。表示中のレポートは前回のものです。</translation>
    </message>
    <message>
        <source>{a} × {b}: {value} over {n} token(s)</source>
        <translation>{a} × {b}:{value}({n} トークン)</translation>
    </message>
    <message>
        <source>Nothing written: the earlier report in {folder} is kept.</source>
        <translation>何も書き出していません。{folder} の以前のレポートはそのままです。</translation>
    </message>
    <message>
        <source>Wrote {n} file(s) to {folder}: {names}</source>
        <translation>{folder} に {n} 件のファイルを書き出しました:{names}</translation>
    </message>
    <message>
        <source>Export agreement report to folder</source>
        <translation>一致度レポートをフォルダーへエクスポート</translation>
    </message>
</context>
<context>
    <name>ArticlePanel</name>
    <message>
        <source>Leave this article out</source>
        <extracomment>The encodings offered per file (the first entry re-detects). Lines shown at most (a longer text is shown cut, with a note): the view stays quick.</extracomment>
        <translation>この記事を除外</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>自動判別</translation>
    </message>
    <message>
        <source>Read this file again in another encoding</source>
        <translation>別の文字コードでこのファイルを読み直す</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>File encoding:</source>
        <translation>文字コード:</translation>
    </message>
    <message>
        <source>Keep lines:</source>
        <translation>残す行:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>タイトル:</translation>
    </message>
    <message>
        <source>lines {first}-{last} removed ({chars} characters): {why}</source>
        <translation>{first}〜{last} 行目を削除({chars} 文字):{why}</translation>
    </message>
    <message>
        <source>headline</source>
        <translation>見出し</translation>
    </message>
    <message>
        <source>outside the lines you keep</source>
        <translation>残す行の範囲外</translation>
    </message>
    <message>
        <source>… {} more lines not shown</source>
        <translation>… 残り {} 行は表示していません</translation>
    </message>
    <message>
        <source>Select an article to see its text.</source>
        <translation>記事を選ぶと本文が表示されます。</translation>
    </message>
    <message>
        <source>detected: {}</source>
        <translation>判別結果:{}</translation>
    </message>
    <message>
        <source>of {}</source>
        <translation>/ {}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Tag as {label}</source>
        <translation>「{label}」を付ける</translation>
    </message>
    <message>
        <source>Relabel as {label}</source>
        <translation>ラベルを「{label}」に変更</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>メモを編集…</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>スパンを削除</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
</context>
<context>
    <name>CodeAgreementPane</name>
    <message>
        <source>measure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>観察一致率</translation>
    </message>
    <message>
        <source>articles</source>
        <translation>記事数</translation>
    </message>
    <message>
        <source>coders</source>
        <translation>コーダー数</translation>
    </message>
    <message>
        <source>note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Article code:</source>
        <translation>記事コード:</translation>
    </message>
    <message>
        <source>Matrix:</source>
        <translation>行列:</translation>
    </message>
    <message>
        <source>{a} × {b}: {value} over {n} article(s)</source>
        <translation>{a} × {b}:{value}(記事 {n} 件)</translation>
    </message>
    <message>
        <source>answers ({a} / {b}):</source>
        <translation>回答({a} / {b}):</translation>
    </message>
    <message>
        <source>no article answered by both</source>
        <translation>両者が回答した記事はありません</translation>
    </message>
</context>
<context>
    <name>CoderAnswersTree</name>
    <message>
        <source>Coder</source>
        <translation>コーダー</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Double-click to take this answer into gold</source>
        <translation>ダブルクリックでこの回答をゴールドに採用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Who is coding?</source>
        <translation>コーダーは誰ですか?</translation>
    </message>
    <message>
        <source>Your coder name</source>
        <translation>あなたのコーダー名</translation>
    </message>
    <message>
        <source>Adjudicate (lead)</source>
        <translation>裁定する(リード)</translation>
    </message>
    <message>
        <source>Open the adjudication view: compare the coders&apos; work and decide the gold standard (not as a coder)</source>
        <translation>裁定画面を開きます。コーダーの作業を比べてゴールドスタンダードを決めます(コーダーとしてではなく)</translation>
    </message>
    <message>
        <source>Your coder name is stored with every span you make.</source>
        <translation>コーダー名は、あなたが付けたすべてのスパンとともに保存されます。</translation>
    </message>
</context>
<context>
    <name>CoderNames</name>
    <message>
        <source>Coders (one copy each)</source>
        <translation>コーダー(1 人に 1 コピー)</translation>
    </message>
    <message>
        <source>A coder&apos;s name</source>
        <translation>コーダー名</translation>
    </message>
    <message>
        <source>Type a name or pick one of the project&apos;s coders; Enter or Add puts it in the list</source>
        <translation>名前を入力するか、プロジェクトのコーダーから選びます。Enter または「追加」で一覧に入ります</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>{0} is in the list already</source>
        <translation>{0} はすでに一覧にあります</translation>
    </message>
    <message>
        <source>Type a coder&apos;s name first</source>
        <translation>まずコーダー名を入力してください</translation>
    </message>
</context>
<context>
    <name>CoderSpansTree</name>
    <message>
        <source>Span</source>
        <translation>スパン</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>(in gold)</source>
        <translation>(ゴールドに採用済み)</translation>
    </message>
</context>
<context>
    <name>CoderVsGoldPane</name>
    <message>
        <source>Coder:</source>
        <translation>コーダー:</translation>
    </message>
    <message>
        <source>all coders</source>
        <translation>全コーダー</translation>
    </message>
    <message>
        <source>No gold standard yet.</source>
        <translation>ゴールドスタンダードはまだありません。</translation>
    </message>
</context>
<context>
    <name>CodesPanel</name>
    <message>
        <source>* required before the article can be marked done</source>
        <translation>* 記事を完了にする前に回答が必要</translation>
    </message>
</context>
<context>
    <name>CopiesDialog</name>
    <message>
        <source>Hand out copies — {0}</source>
        <translation>コピーを配布 — {0}</translation>
    </message>
    <message>
        <source>Write copies</source>
        <translation>コピーを書き出す</translation>
    </message>
    <message>
        <source>The folder {0} will be made.</source>
        <translation>フォルダー {0} を作成します。</translation>
    </message>
    <message>
        <source>{0}: is a file, not a folder</source>
        <translation>{0}:フォルダーではなくファイルです</translation>
    </message>
    <message>
        <source>{0}: already exists; choose another folder or move it away</source>
        <translation>{0}:すでに存在します。別のフォルダーを選ぶか、移動してください</translation>
    </message>
    <message>
        <source>Writing copies</source>
        <translation>コピーを書き出しています</translation>
    </message>
    <message>
        <source>Cancelled; no copy was written.</source>
        <translation>中止しました。コピーは書き出していません。</translation>
    </message>
    <message>
        <source>Wrote {0} copies to {1}:</source>
        <translation>{1} に {0} 件のコピーを書き出しました:</translation>
    </message>
    <message>
        <source>• {0} for {1}: {2} article(s)</source>
        <translation>• {0}({1} 用):記事 {2} 件</translation>
    </message>
    <message>
        <source>, {0} without cue underlines</source>
        <translation>、うち {0} 件は手がかり語の強調表示なし</translation>
    </message>
    <message>
        <source>Seed {0}: enter it again to draw the same articles.</source>
        <translation>シード {0}:同じ値を入力すると同じ記事が抽出されます。</translation>
    </message>
</context>
<context>
    <name>CopiesForm</name>
    <message>
        <source>Articles</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>All articles ({0})</source>
        <translation>すべての記事({0})</translation>
    </message>
    <message>
        <source>A round:</source>
        <translation>ラウンド:</translation>
    </message>
    <message>
        <source>{0} ({1} articles)</source>
        <translation>{0}(記事 {1} 件)</translation>
    </message>
    <message>
        <source>No rounds yet: Project → Calibration rounds…</source>
        <translation>ラウンドはまだありません:プロジェクト → 較正ラウンド…</translation>
    </message>
    <message>
        <source>The round&apos;s name goes into the file names</source>
        <translation>ラウンド名はファイル名に入ります</translation>
    </message>
    <message>
        <source>A selection:</source>
        <translation>選んだ記事:</translation>
    </message>
    <message>
        <source>A random sample of</source>
        <translation>無作為抽出:</translation>
    </message>
    <message>
        <source>The same seed draws the same articles again</source>
        <translation>同じシードからは同じ記事が抽出されます</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>新しいシード</translation>
    </message>
    <message>
        <source>articles</source>
        <translation>件の記事</translation>
    </message>
    <message>
        <source>Seed of the random draws:</source>
        <translation>無作為抽出のシード:</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>設計</translation>
    </message>
    <message>
        <source>Every coder codes every article</source>
        <translation>全コーダーが全記事をコーディング</translation>
    </message>
    <message>
        <source>Reliability design:</source>
        <translation>信頼性のための設計:</translation>
    </message>
    <message>
        <source>% of them</source>
        <translation>%の記事</translation>
    </message>
    <message>
        <source>coded by every coder (to measure agreement), the rest divided among them</source>
        <translation>を全コーダーがコーディング(一致度の測定用)し、残りを分担</translation>
    </message>
    <message>
        <source>Cue words</source>
        <translation>手がかり語</translation>
    </message>
    <message>
        <source>Underlined in every article</source>
        <translation>すべての記事で強調表示する</translation>
    </message>
    <message>
        <source>Not underlined in any article</source>
        <translation>どの記事でも強調表示しない</translation>
    </message>
    <message>
        <source>Half of the coders without underlines in any article</source>
        <translation>コーダーの半数は、どの記事でも強調表示なし</translation>
    </message>
    <message>
        <source>Which coders get copies without underlines is drawn with the seed (the smaller half when the number of coders is odd).</source>
        <translation>強調表示のないコピーを受け取るコーダーはシードで抽出します(コーダー数が奇数のときは少ない方の半数)。</translation>
    </message>
    <message>
        <source>Half of each coder&apos;s articles without underlines (counterbalanced)</source>
        <translation>各コーダーの記事の半数は強調表示しない(カウンターバランス)</translation>
    </message>
    <message>
        <source>Each coder sees half of their articles with the cue underlines and half without; an article every coder codes is shown both ways across coders. Drawn with the seed.</source>
        <translation>各コーダーは担当記事の半数を手がかり語の強調表示ありで、残りの半数を強調表示なしで見ます。全コーダーが担当する記事は、コーダーによって両方の条件で表示されます。シードで抽出します。</translation>
    </message>
    <message>
        <source>A coder cannot turn hidden underlines on; merge records each article&apos;s condition per coder.</source>
        <translation>コーダーは隠された強調表示をオンにできません。統合すると記事ごとの条件がコーダー別に記録されます。</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダー:</translation>
    </message>
    <message>
        <source>Folder for the copies</source>
        <translation>コピーの出力先フォルダー</translation>
    </message>
    <message>
        <source>Add the coders who get a copy.</source>
        <translation>コピーを受け取るコーダーを追加してください。</translation>
    </message>
    <message>
        <source>Tick the articles to hand out.</source>
        <translation>配布する記事にチェックを入れてください。</translation>
    </message>
    <message>
        <source>Choose the folder for the copies.</source>
        <translation>コピーの出力先フォルダーを選んでください。</translation>
    </message>
</context>
<context>
    <name>CopiesPreview</name>
    <message>
        <source>Preview: the copies that will be written</source>
        <translation>プレビュー:書き出されるコピー</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>コーダー</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共通</translation>
    </message>
    <message>
        <source>Own</source>
        <translation>個別</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Who gets which article (shaded: coded by every coder):</source>
        <translation>記事の割り当て(網掛け:全コーダーがコーディング):</translation>
    </message>
    <message>
        <source>{0} article(s) coded by every coder</source>
        <translation>全コーダーがコーディングする記事 {0} 件</translation>
    </message>
    <message>
        <source>Seed {0}: enter it again to draw the same articles</source>
        <translation>シード {0}:同じ値を入力すると同じ記事が抽出されます</translation>
    </message>
    <message>
        <source>Nothing drawn at random (no seed)</source>
        <translation>無作為抽出なし(シードなし)</translation>
    </message>
    <message>
        <source>Cue words underlined in every article</source>
        <translation>すべての記事で手がかり語を強調表示</translation>
    </message>
    <message>
        <source>{0} {1} of {2}</source>
        <translation>{0} {2} 件中 {1} 件</translation>
    </message>
    <message>
        <source>Without cue underlines: {0}</source>
        <translation>手がかり語の強調表示なし:{0}</translation>
    </message>
    <message>
        <source>{0} ({1} + {2})</source>
        <translation>{0}({1} + {2})</translation>
    </message>
    <message>
        <source>{0} articles: {1} shared with every coder, {2} for {3} alone</source>
        <translation>記事 {0} 件:全コーダー共通 {1} 件、{3} のみ {2} 件</translation>
    </message>
    <message>
        <source>{0}: already exists</source>
        <translation>{0}:すでに存在します</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>✓ no cues</source>
        <translation>✓ 強調なし</translation>
    </message>
</context>
<context>
    <name>DisagreementList</name>
    <message>
        <source>characters {start}–{end}</source>
        <translation>{start}〜{end} 文字目</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Every coder</source>
        <translation>全コーダー</translation>
    </message>
    <message>
        <source>The gold standard</source>
        <translation>ゴールドスタンダード</translation>
    </message>
    <message>
        <source>Text cells exactly as they are (for R and pandas)</source>
        <translation>テキストのセルをそのまま出力(R や pandas 向け)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>コーダー:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存先:</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>フォルダーへエクスポート</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>エクスポートの保存先を選んでください。</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>エクスポートしています</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in the article</source>
        <translation>記事内を検索</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>前の一致箇所(Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>次の一致箇所(F3)</translation>
    </message>
    <message>
        <source>Close find (Esc)</source>
        <translation>検索を閉じる(Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} / {total}</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>検索…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>次を検索</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>前を検索</translation>
    </message>
</context>
<context>
    <name>GoldView</name>
    <message>
        <source>nobody exactly</source>
        <translation>完全に一致したコーダーなし</translation>
    </message>
    <message>
        <source>gold: {label}</source>
        <translation>ゴールド:{label}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import articles</source>
        <translation>記事をインポート</translation>
    </message>
    <message>
        <source>Clean up scraped pages (navigation, copies, other stories after the article)</source>
        <translation>収集したページを整理する(ナビゲーション、重複、記事の後の別記事)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Reading the files</source>
        <translation>ファイルを読み込んでいます</translation>
    </message>
    <message>
        <source>{new} new, {known} already in the project or repeated, {skipped} left out, {error} with errors</source>
        <translation>新規 {new} 件、登録済みまたは重複 {known} 件、除外 {skipped} 件、エラー {error} 件</translation>
    </message>
    <message>
        <source>Leave out the articles with errors, or set their file&apos;s encoding</source>
        <translation>エラーのある記事を除外するか、そのファイルの文字コードを指定してください</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>インポートしています</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>インポートを中止しました。何も保存していません。</translation>
    </message>
</context>
<context>
    <name>ImportOtherDialog</name>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Import from another tool</source>
        <translation>他のツールからインポート</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>the only custom span layer, or Frame</source>
        <translation>唯一のカスタムスパンレイヤー、なければ「Frame」</translation>
    </message>
    <message>
        <source>INCEpTION&apos;s span layer to read (--layer): a full type name, or a name under webanno.custom</source>
        <translation>読み込む INCEpTION のスパンレイヤー(--layer):完全な型名、または webanno.custom 配下の名前</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>File or folder:</source>
        <translation>ファイルまたはフォルダー:</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>レイヤー:</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>インポート元</translation>
    </message>
    <message>
        <source>Import from folder</source>
        <translation>フォルダーからインポート</translation>
    </message>
    <message>
        <source>Choose the file or folder to import.</source>
        <translation>インポートするファイルまたはフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>インポートしています</translation>
    </message>
</context>
<context>
    <name>LabelConfusionPane</name>
    <message>
        <source>Coder pair:</source>
        <translation>コーダーの組:</translation>
    </message>
    <message>
        <source>all pairs (*)</source>
        <translation>全組(*)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>coder A</source>
        <translation>コーダー A</translation>
    </message>
    <message>
        <source>coder B</source>
        <translation>コーダー B</translation>
    </message>
    <message>
        <source>Tokens of the articles both coders marked done: rows are {a}&apos;s label, columns {b}&apos;s ({none}: no label). A token with several labels of one coder counts once per combination.</source>
        <translation>両コーダーが完了にした記事のトークン:行は {a} のラベル、列は {b} のラベル({none}:ラベルなし)。1 人のコーダーが複数のラベルを付けたトークンは、組み合わせごとに 1 回数えます。</translation>
    </message>
    <message>
        <source>Fewer than two coders: nothing to compare.</source>
        <translation>コーダーが 2 人未満のため、比べられません。</translation>
    </message>
    <message>
        <source>{n} token(s): {a} {label_a}, {b} {label_b}</source>
        <translation>{n} トークン:{a} {label_a}、{b} {label_b}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reliability report…</source>
        <translation>信頼性レポート…</translation>
    </message>
    <message>
        <source>One HTML file with alpha, intervals, figures and a methods paragraph</source>
        <translation>α、信頼区間、図、方法の記述をまとめた 1 つの HTML ファイル</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>Article codes</source>
        <translation>記事コード</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>スパン</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>コードブック</translation>
    </message>
    <message>
        <source>Read-only: {why}. Nothing can be changed.</source>
        <translation>読み取り専用:{why}。変更はできません。</translation>
    </message>
    <message>
        <source>Every edit is saved to the project file as you make it.</source>
        <translation>編集はその都度プロジェクトファイルに保存されます。</translation>
    </message>
    <message>
        <source>This project has no articles yet: import some with `annotator import`.</source>
        <translation>このプロジェクトにはまだ記事がありません。`annotator import` でインポートしてください。</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [読み取り専用]</translation>
    </message>
    <message>
        <source>Framing Annotator</source>
        <translation>Framing Annotator</translation>
    </message>
    <message>
        <source>Undo {what} (Ctrl+Z)</source>
        <translation>{what} を元に戻す(Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>元に戻す(Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo {what} (Ctrl+Shift+Z)</source>
        <translation>{what} をやり直す(Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>やり直す(Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>{id} · {chars} characters · {spans} span(s) · {status}</source>
        <translation>{id} · {chars} 文字 · スパン {spans} 件 · {status}</translation>
    </message>
    <message>
        <source>No more articles in this list.</source>
        <translation>この一覧にはこれ以上記事がありません。</translation>
    </message>
    <message>
        <source>This article was changed by another program; it has been reloaded. Select the passage again.</source>
        <translation>この記事は別のプログラムで変更されたため、読み込み直しました。もう一度箇所を選択してください。</translation>
    </message>
    <message>
        <source>Marked done. That was the last article in the list.</source>
        <translation>完了にしました。一覧の最後の記事でした。</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Framing Annotator projects (*.annot);;All files (*)</source>
        <translation>Framing Annotator プロジェクト (*.annot);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>MeasureNote</name>
    <message>
        <source>no coders</source>
        <translation>コーダーがいない</translation>
    </message>
    <message>
        <source>fewer than two coders</source>
        <translation>コーダーが2人未満</translation>
    </message>
    <message>
        <source>no units</source>
        <translation>単位がない</translation>
    </message>
    <message>
        <source>no pairable unit: fewer than two coders on every unit</source>
        <translation>対にできる単位がない: どの単位もコーダーが2人未満</translation>
    </message>
    <message>
        <source>no unit was coded by every coder (Fleiss&apos; kappa needs complete units)</source>
        <translation>全コーダーがコードした単位がない(フライスのκには欠けのない単位が必要)</translation>
    </message>
    <message>
        <source>no unit was coded by both coders</source>
        <translation>両方のコーダーがコードした単位がない</translation>
    </message>
    <message>
        <source>only one category was used (expected disagreement D_e = 0)</source>
        <translation>1つのカテゴリーしか使われていない(期待不一致 D_e = 0)</translation>
    </message>
    <message>
        <source>only one category was used (P_e = 1)</source>
        <translation>1つのカテゴリーしか使われていない(P_e = 1)</translation>
    </message>
    <message>
        <source>only one category was used (expected weighted disagreement = 0)</source>
        <translation>1つのカテゴリーしか使われていない(重み付き期待不一致 = 0)</translation>
    </message>
    <message>
        <source>{n} unit{s} with fewer than two values dropped</source>
        <translation>値が2つ未満の{n}単位を除外</translation>
    </message>
    <message>
        <source>{n} unit{s} not coded by every coder dropped</source>
        <translation>全コーダーがコードしていない{n}単位を除外</translation>
    </message>
    <message>
        <source>{n} unit{s} missing a value dropped</source>
        <translation>値が欠けた{n}単位を除外</translation>
    </message>
    <message>
        <source>{n} overlapping span{s} merged into a coder&apos;s units</source>
        <translation>重なり合う{n}個のスパンをコーダーの単位に統合</translation>
    </message>
    <message>
        <source>zero-length continuum</source>
        <translation>連続体の長さが0</translation>
    </message>
    <message>
        <source>no units of any label</source>
        <translation>どのラベルの単位もない</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>未定義</translation>
    </message>
    <message>
        <source>expected disagreement D_e = 0 (no unit could have been placed differently)</source>
        <translation>期待不一致 D_e = 0(別の位置に置けた単位がない)</translation>
    </message>
    <message>
        <source>no reference spans</source>
        <translation>基準のスパンがない</translation>
    </message>
    <message>
        <source>no predicted spans</source>
        <translation>予測のスパンがない</translation>
    </message>
    <message>
        <source>both span lists are empty</source>
        <translation>両方のスパン一覧が空</translation>
    </message>
    <message>
        <source>no coder used this label in these articles</source>
        <translation>これらの記事でこのラベルを使ったコーダーはいない</translation>
    </message>
    <message>
        <source>{count} article(s) done by all {coders} coders, laid end to end</source>
        <translation>コーダー{coders}人全員が完了した{count}件の記事をつなげて計算</translation>
    </message>
    <message>
        <source>alpha undefined on {undefined} of {b} resamples (left out)</source>
        <translation>{b}回の再標本のうち{undefined}回でαが未定義(除外)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge returned copies into {0}</source>
        <translation>返却されたコピーを {0} に統合</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Preview again</source>
        <translation>再プレビュー</translation>
    </message>
    <message>
        <source>Read the files again (a coder sent a new one)</source>
        <translation>ファイルを読み直す(コーダーから新しいファイルが届いたとき)</translation>
    </message>
    <message>
        <source>Returned copies (.annot files):</source>
        <translation>返却されたコピー(.annot ファイル):</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Coder(s)</source>
        <translation>コーダー</translation>
    </message>
    <message>
        <source>New spans</source>
        <translation>新規スパン</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>状態の変更</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Refused because</source>
        <translation>拒否の理由</translation>
    </message>
    <message>
        <source>Select a file to see its conflicts</source>
        <translation>ファイルを選ぶと競合が表示されます</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <source>Add the files the coders returned; nothing is written until you press Merge.</source>
        <translation>コーダーから返却されたファイルを追加してください。「統合」を押すまで何も書き込みません。</translation>
    </message>
    <message>
        <source>Returned copies</source>
        <translation>返却されたコピー</translation>
    </message>
    <message>
        <source>Project files (*.annot);;All files (*)</source>
        <translation>プロジェクトファイル (*.annot);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>No files to merge.</source>
        <translation>統合するファイルがありません。</translation>
    </message>
    <message>
        <source>Previewing the merge</source>
        <translation>統合をプレビューしています</translation>
    </message>
    <message>
        <source>Preview cancelled; press Preview again.</source>
        <translation>プレビューを中止しました。「再プレビュー」を押してください。</translation>
    </message>
    <message>
        <source>{0} of {1} file(s) would be refused (in red). A merge takes all files or none: remove the refused ones to merge the others.</source>
        <translation>{1} 件中 {0} 件のファイルが拒否されます(赤)。統合はすべてのファイルを一度に行うか、まったく行わないかのどちらかです。拒否されたファイルを外すと残りを統合できます。</translation>
    </message>
    <message>
        <source>Preview, nothing written yet: {0} file(s) would bring {1} new span(s), {2} changed, {3} deleted, {4} status change(s), {5} answer(s), {6} conflict(s).</source>
        <translation>プレビュー(まだ何も書き込んでいません):{0} 件のファイルで、新規スパン {1} 件、変更 {2} 件、削除 {3} 件、状態の変更 {4} 件、回答 {5} 件、競合 {6} 件。</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>統合しています</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation>統合を中止しました。何も変更していません。</translation>
    </message>
    <message>
        <source>{0}
Nothing was merged; press Preview again to see the files as they are now.</source>
        <translation>{0}
何も統合していません。「再プレビュー」を押すと現在のファイルの状態を確認できます。</translation>
    </message>
    <message>
        <source>Merged {0} file(s): {1} new span(s), {2} changed, {3} deleted, {4} status change(s), {5} answer(s), {6} conflict(s).</source>
        <translation>{0} 件のファイルを統合しました:新規スパン {1} 件、変更 {2} 件、削除 {3} 件、状態の変更 {4} 件、回答 {5} 件、競合 {6} 件。</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>拒否:{0}</translation>
    </message>
    <message>
        <source>Coder(s): {0}</source>
        <translation>コーダー:{0}</translation>
    </message>
    <message>
        <source>Spans: {0} new, {1} changed, {2} deleted, {3} already merged</source>
        <translation>スパン:新規 {0} 件、変更 {1} 件、削除 {2} 件、統合済み {3} 件</translation>
    </message>
    <message>
        <source>Deletions of spans the master never had: {0}</source>
        <translation>マスターにないスパンの削除:{0}</translation>
    </message>
    <message>
        <source>Status changes: {0}</source>
        <translation>状態の変更:{0}</translation>
    </message>
    <message>
        <source>Answers: {0} new, {1} changed, {2} cleared</source>
        <translation>回答:新規 {0} 件、変更 {1} 件、消去 {2} 件</translation>
    </message>
    <message>
        <source>Conflicts (edited in both files; the edit named is kept): {0}</source>
        <translation>競合(両方のファイルで編集されたもの。示した編集を残します):{0}</translation>
    </message>
    <message>
        <source>Articles its window showed without cue underlines: {0}</source>
        <translation>手がかり語の強調表示なしで表示された記事:{0}</translation>
    </message>
    <message>
        <source>The project is open read-only</source>
        <translation>プロジェクトは読み取り専用で開かれています</translation>
    </message>
    <message>
        <source>Merge the files shown into the project</source>
        <translation>表示中のファイルをプロジェクトに統合</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <source>study.annot (.annot is added when no suffix)</source>
        <translation>study.annot(拡張子がなければ .annot を付けます)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>default: the file name</source>
        <translation>既定:ファイル名</translation>
    </message>
    <message>
        <source>Default framing schema</source>
        <translation>既定のフレーミングスキーマ</translation>
    </message>
    <message>
        <source>Schema file:</source>
        <translation>スキーマファイル:</translation>
    </message>
    <message>
        <source>schema.json</source>
        <translation>schema.json</translation>
    </message>
    <message>
        <source>Open the new project when it is created</source>
        <translation>作成したら新しいプロジェクトを開く</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>プロジェクトファイル:</translation>
    </message>
    <message>
        <source>Project name:</source>
        <translation>プロジェクト名:</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>スキーマ:</translation>
    </message>
    <message>
        <source>Give a schema file, or choose the default schema</source>
        <translation>スキーマファイルを指定するか、既定のスキーマを選んでください</translation>
    </message>
    <message>
        <source>schema &apos;{name}&apos; ({labels})</source>
        <translation>スキーマ「{name}」({labels})</translation>
    </message>
    <message>
        <source>New project file</source>
        <translation>新しいプロジェクトファイル</translation>
    </message>
    <message>
        <source>Framing Annotator projects (*.annot)</source>
        <translation>Framing Annotator プロジェクト (*.annot)</translation>
    </message>
    <message>
        <source>Schema file</source>
        <translation>スキーマファイル</translation>
    </message>
    <message>
        <source>Schema files (*.json)</source>
        <translation>スキーマファイル (*.json)</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <extracomment>The keys that accept the dialog (Return on the main keyboard, Enter on the keypad).</extracomment>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Note on {label}:</source>
        <translation>「{label}」のメモ:</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+Enter)</source>
        <translation>メモを保存(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves the note; Enter starts a new line.</source>
        <translation>Ctrl+Enter でメモを保存、Enter で改行します。</translation>
    </message>
</context>
<context>
    <name>PathsBox</name>
    <message>
        <source>Type a file or folder and press Enter</source>
        <translation>ファイルまたはフォルダーを入力して Enter</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Files and folders (.txt, .csv, .jsonl):</source>
        <translation>ファイルとフォルダー(.txt、.csv、.jsonl):</translation>
    </message>
    <message>
        <source>Articles to import</source>
        <translation>インポートする記事</translation>
    </message>
    <message>
        <source>Articles (*.txt *.csv *.jsonl);;All files (*)</source>
        <translation>記事 (*.txt *.csv *.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Folder of articles</source>
        <translation>記事のフォルダー</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Progress — {0}</source>
        <translation>進捗 — {0}</translation>
    </message>
    <message>
        <source>; a round&apos;s column counts only its articles</source>
        <translation>。ラウンドの列はそのラウンドの記事だけを数えます</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Read the numbers again (after a merge)</source>
        <translation>数を読み直す(統合の後に)</translation>
    </message>
    <message>
        <source>No coder has worked on this project yet: coders appear when their copies are merged (Project → Merge returned copies…)</source>
        <translation>このプロジェクトで作業したコーダーはまだいません。コピーを統合するとコーダーが表示されます(プロジェクト → 返却されたコピーを統合…)</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>すべての記事</translation>
    </message>
    <message>
        <source>{0}
({1} articles)</source>
        <translation>{0}
(記事 {1} 件)</translation>
    </message>
    <message>
        <source>No numbers for {0} here</source>
        <translation>{0} の数はここにはありません</translation>
    </message>
    <message>
        <source>all articles</source>
        <translation>全記事</translation>
    </message>
    <message>
        <source>{0}, {1}: {2} done, {3} in progress, {4} not started, of {5}</source>
        <translation>{0}、{1}:{5} 件中 完了 {2}、作業中 {3}、未着手 {4}</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Reliability report of {0}</source>
        <translation>{0} の信頼性レポート</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Japanese and English</source>
        <translation>日本語と英語</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>すべての記事</translation>
    </message>
    <message>
        <source>0 (no intervals)</source>
        <translation>0(信頼区間なし)</translation>
    </message>
    <message>
        <source>drawn, and written in the report</source>
        <translation>抽出に使い、レポートにも記載</translation>
    </message>
    <message>
        <source>Report file:</source>
        <translation>レポートファイル:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>記事:</translation>
    </message>
    <message>
        <source>Bootstrap resamples:</source>
        <translation>ブートストラップの再標本数:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>One HTML file that opens offline in any browser: alpha with its interval per frame and variable, rounds, coder by coder, gold, disagreements and a methods paragraph.</source>
        <translation>どのブラウザーでもオフラインで開ける 1 つの HTML ファイル:フレームと変数ごとのαとその信頼区間、ラウンド、コーダー別、ゴールド、不一致箇所、方法の記述。</translation>
    </message>
    <message>
        <source>Write report</source>
        <translation>レポートを書き出す</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>レポートを開く</translation>
    </message>
    <message>
        <source>Save the reliability report</source>
        <translation>信頼性レポートを保存</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML ファイル (*.html)</translation>
    </message>
    <message>
        <source>Choose the file to write the report to.</source>
        <translation>レポートの書き出し先ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Writing the reliability report</source>
        <translation>信頼性レポートを書き出しています</translation>
    </message>
    <message>
        <source>Cancelled; no report was written.</source>
        <translation>中止しました。レポートは書き出していません。</translation>
    </message>
    <message>
        <source>bootstrap {0} (seed {1})</source>
        <translation>ブートストラップ {0} 回(シード {1})</translation>
    </message>
    <message>
        <source>no intervals</source>
        <translation>信頼区間なし</translation>
    </message>
    <message>
        <source>Wrote {0}: {1} coder(s), {2} article(s), {3}.</source>
        <translation>{0} を書き出しました:コーダー {1} 人、記事 {2} 件、{3}。</translation>
    </message>
</context>
<context>
    <name>RoundArticles</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Other rounds</source>
        <translation>他のラウンド</translation>
    </message>
    <message>
        <source>The same seed draws the same articles</source>
        <translation>同じシードからは同じ記事が抽出されます</translation>
    </message>
    <message>
        <source>from articles in no round</source>
        <translation>(どのラウンドにも属さない記事から)</translation>
    </message>
    <message>
        <source>Add a random sample of</source>
        <translation>無作為抽出で追加:</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Add all not yet in a round</source>
        <translation>ラウンド未所属の記事をすべて追加</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>すべて削除</translation>
    </message>
    <message>
        <source>{n} of {total} articles in this round</source>
        <translation>{total} 件中 {n} 件の記事がこのラウンドに属します</translation>
    </message>
</context>
<context>
    <name>RoundFilter</name>
    <message>
        <source>Show the articles of one calibration round</source>
        <translation>1 つの較正ラウンドの記事を表示</translation>
    </message>
</context>
<context>
    <name>RoundTrendPane</name>
    <message>
        <source>Frames:</source>
        <translation>フレーム:</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha of the checked coders on each round&apos;s articles: frames by the measure chosen, all frames together as unitizing alpha, article codes on articles. Hover over a cell for the articles and coders it counts. — : undefined.</source>
        <translation>選んだコーダーの、各ラウンドの記事における Krippendorff のα:フレームは選んだ指標で、全フレームまとめては単位化αで、記事コードは記事単位で求めます。セルにポインターを置くと、数えた記事とコーダーが表示されます。— :算出不能。</translation>
    </message>
    <message>
        <source>No rounds yet: define calibration rounds (Project → Calibration rounds…) to see agreement round by round.</source>
        <translation>ラウンドはまだありません。較正ラウンドを定義すると(プロジェクト → 較正ラウンド…)、ラウンドごとの一致度を確認できます。</translation>
    </message>
    <message>
        <source>{round}: {measure} {value}, {n} article(s) done by at least two of the coders compared: {coders}</source>
        <translation>{round}:{measure} {value}、比べたコーダーのうち 2 人以上が完了した記事 {n} 件:{coders}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <source>Calibration rounds</source>
        <translation>較正ラウンド</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>ラウンド</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>New round, e.g. training 1</source>
        <translation>新しいラウンド(例:練習 1)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <source>Add a round: type its name and press New.</source>
        <translation>ラウンドを追加するには、名前を入力して「新規」を押してください。</translation>
    </message>
    <message>
        <source>Rename round</source>
        <translation>ラウンド名の変更</translation>
    </message>
    <message>
        <source>New name of round {name}:</source>
        <translation>ラウンド {name} の新しい名前:</translation>
    </message>
    <message>
        <source>Delete round</source>
        <translation>ラウンドの削除</translation>
    </message>
    <message>
        <source>Delete round {name}? It holds {n} article(s); they and their annotations stay in the project.</source>
        <translation>ラウンド {name} を削除しますか?記事 {n} 件が属していますが、記事とそのアノテーションはプロジェクトに残ります。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>SpansView</name>
    <message>
        <source>Relabel as {label}</source>
        <translation>ラベルを「{label}」に変更</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>メモを編集…</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>スパンを削除</translation>
    </message>
</context>
<context>
    <name>StoreMessage</name>
    <message>
        <source>it is on read-only media</source>
        <translation>読み取り専用のメディアにある</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>ファイルが読み取り専用</translation>
    </message>
    <message>
        <source>its folder is read-only</source>
        <translation>フォルダーが読み取り専用</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱい</translation>
    </message>
    <message>
        <source>it was opened for reading only</source>
        <translation>読み取り専用で開かれた</translation>
    </message>
    <message>
        <source>it is open in another Framing Annotator window</source>
        <translation>Framing Annotator の別のウィンドウで開かれている</translation>
    </message>
    <message>
        <source>{path} is being changed by another program; try again when it has finished</source>
        <translation>{path} は別のプログラムが変更中です。終わってからもう一度試してください</translation>
    </message>
    <message>
        <source>{path}: cannot be changed: {why}. {advice}</source>
        <translation>{path}: 変更できません({why})。{advice}</translation>
    </message>
    <message>
        <source>Free some space on it and try again</source>
        <translation>空き容量を確保してからもう一度試してください</translation>
    </message>
    <message>
        <source>Copy it to a writable folder to change it</source>
        <translation>変更するには書き込めるフォルダーにコピーしてください</translation>
    </message>
    <message>
        <source>{path}: cannot write ({why}); nothing of this change was saved</source>
        <translation>{path}: 書き込めません({why})。この変更は何も保存されていません</translation>
    </message>
    <message>
        <source>{path}: the file is damaged ({detail}); run `annotator check {path}`</source>
        <translation>{path}: ファイルが壊れています({detail})。`annotator check {path}` を実行してください</translation>
    </message>
</context>
<context>
    <name>UndoText</name>
    <message>
        <source>add {label}</source>
        <translation>「{label}」を追加</translation>
    </message>
    <message>
        <source>delete span</source>
        <translation>スパンを削除</translation>
    </message>
    <message>
        <source>adjust span</source>
        <translation>スパンの範囲を調整</translation>
    </message>
    <message>
        <source>relabel as {label}</source>
        <translation>ラベルを「{label}」に変更</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>メモを編集</translation>
    </message>
    <message>
        <source>mark done</source>
        <translation>完了にする</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>作業中に戻す</translation>
    </message>
    <message>
        <source>set {status}</source>
        <translation>状態を {status} に設定</translation>
    </message>
    <message>
        <source>answer {variable}</source>
        <translation>「{variable}」に回答</translation>
    </message>
    <message>
        <source>clear {variable}</source>
        <translation>「{variable}」の回答を消去</translation>
    </message>
    <message>
        <source>add gold span</source>
        <translation>ゴールドスパンを追加</translation>
    </message>
    <message>
        <source>accept {coder}&apos;s span</source>
        <translation>{coder} のスパンを採用</translation>
    </message>
    <message>
        <source>reject gold span</source>
        <translation>ゴールドスパンを却下</translation>
    </message>
    <message>
        <source>edit rationale</source>
        <translation>理由を編集</translation>
    </message>
    <message>
        <source>mark adjudicated</source>
        <translation>裁定済みにする</translation>
    </message>
    <message>
        <source>{status}</source>
        <translation>{status}</translation>
    </message>
    <message>
        <source>accept agreed ({rule})</source>
        <translation>一致したものを採用({rule})</translation>
    </message>
    <message>
        <source>change boundaries</source>
        <translation>範囲を変更</translation>
    </message>
    <message>
        <source>all coders</source>
        <extracomment>The rules of &quot;accept agreed ({rule})&quot; (annotator.core.gold_fill.parse_rule), by name; a number k reads &quot;at least k&quot;.</extracomment>
        <translation>全員</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>過半数</translation>
    </message>
    <message>
        <source>at least {k}</source>
        <translation>{k} 人以上</translation>
    </message>
</context>
<context>
    <name>VariableBox</name>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Clear this answer (Delete)</source>
        <translation>この回答を消去(Del)</translation>
    </message>
    <message>
        <source>Not answered yet: required before done.</source>
        <translation>未回答:完了にする前に回答が必要です。</translation>
    </message>
</context>
<context>
    <name>_TaskForm</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
</context>
</TS>
