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
</TS>
