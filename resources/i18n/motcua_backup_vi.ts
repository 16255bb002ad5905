<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>Backup</name>
    <message>
        <location filename="../../ui/backup/__init__.py" line="+54"/>
        <source>Backup: %1</source>
        <translation>Sao lưu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup: no folder set</source>
        <translation>Sao lưu: chưa đặt thư mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup: folder not found (USB disk unplugged?)</source>
        <translation>Sao lưu: không thấy thư mục (ổ USB chưa cắm?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup: none yet</source>
        <translation>Sao lưu: chưa có bản nào</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup: %1 (more than two days ago)</source>
        <translation>Sao lưu: %1 (đã quá hai ngày)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup: %1 (the last attempt failed)</source>
        <translation>Sao lưu: %1 (lần gần nhất bị lỗi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup: the last attempt failed</source>
        <translation>Sao lưu: lần gần nhất bị lỗi</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Daily backup to %1 at %2, keeping the %3 newest</source>
        <translation>Sao lưu hằng ngày vào %1 lúc %2, giữ %3 bản mới nhất</translation>
    </message>
</context>
<context>
    <name>BackupsWindow</name>
    <message>
        <location filename="../../ui/backup/window.py" line="+41"/>
        <source>&amp;Backups...</source>
        <translation>&amp;Sao lưu...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a USB disk, e.g. E:\motcua-backup</source>
        <translation>ổ USB, ví dụ E:\motcua-backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose...</source>
        <translation>Chọn...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every day at:</source>
        <translation>Hằng ngày lúc:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest:</source>
        <translation>Giữ số bản mới nhất:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup</source>
        <translation>Bản sao lưu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>To restore: close the program on this computer, check the backup with &lt;code&gt;motcua restore FILE --check&lt;/code&gt;, then &lt;code&gt;motcua restore FILE --data-dir NEW-FOLDER&lt;/code&gt; (nothing is overwritten without &lt;code&gt;--replace&lt;/code&gt;).</source>
        <translation>Khôi phục: đóng phần mềm trên máy này, kiểm tra bản sao lưu bằng &lt;code&gt;motcua restore TỆP --check&lt;/code&gt;, rồi chạy &lt;code&gt;motcua restore TỆP --data-dir THƯ-MỤC-MỚI&lt;/code&gt; (không ghi đè dữ liệu nào nếu không có &lt;code&gt;--replace&lt;/code&gt;).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up &amp;now</source>
        <translation>Sao lưu &amp;ngay</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the backup folder first.</source>
        <translation>Hãy chọn thư mục sao lưu trước.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup made at %1.</source>
        <translation>Đã sao lưu lúc %1.</translation>
    </message>
</context>
</TS>
