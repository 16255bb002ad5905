<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="+29"/>
        <source>Sync conflicts</source>
        <translation>Xung đột đồng bộ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Here</source>
        <translation>Tại máy này</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At the province</source>
        <translation>Tại hệ thống tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province&apos;s note</source>
        <translation>Ghi chú của tỉnh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No conflict waits.</source>
        <translation>Không có xung đột nào đang chờ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this station&apos;s change</source>
        <translation>Giữ thay đổi của máy này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the province&apos;s status</source>
        <translation>Lấy trạng thái của tỉnh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The province changed these dossiers while this station&apos;s changes were still waiting to be sent. Nothing was overwritten; choose which stands.</source>
        <translation>Hệ thống tỉnh đã thay đổi các hồ sơ này trong khi thay đổi của máy này còn chờ gửi. Không có gì bị ghi đè; hãy chọn bên được giữ.</translation>
    </message>
</context>
<context>
    <name>OnlineDossiersPanel</name>
    <message>
        <location filename="../../ui/sync/counter.py" line="+91"/>
        <source>Province code</source>
        <translation>Mã hồ sơ tỉnh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Thời điểm đến</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No online dossier is waiting.</source>
        <translation>Không có hồ sơ trực tuyến nào đang chờ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receive at the counter</source>
        <translation>&amp;Tiếp nhận tại quầy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask for a &amp;supplement…</source>
        <translation>Yêu cầu &amp;bổ sung…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Receiving the online dossier...</source>
        <translation>Đang tiếp nhận hồ sơ trực tuyến...</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ask for a supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is missing (sent to the applicant through the province):</source>
        <translation>Còn thiếu gì (gửi cho người nộp qua hệ thống tỉnh):</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location line="-107"/>
        <source>Last success (the province&apos;s clock): %1</source>
        <translation>Lần thành công gần nhất (theo giờ hệ thống tỉnh): %1</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/sync/texts.py" line="+13"/>
        <source>No connection to the province</source>
        <translation>Không kết nối được hệ thống tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The province&apos;s certificate was refused (check the date and the CA bundle)</source>
        <translation>Chứng thư số của hệ thống tỉnh bị từ chối (kiểm tra ngày giờ máy và chứng chỉ CA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provincial system had an error; it will be tried again</source>
        <translation>Hệ thống tỉnh gặp lỗi; sẽ tự gửi lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provincial system asked us to wait; it will be tried again</source>
        <translation>Hệ thống tỉnh yêu cầu chờ; sẽ tự gửi lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in to the provincial system failed (check the sync credentials)</source>
        <translation>Đăng nhập hệ thống tỉnh không thành công (kiểm tra tài khoản đồng bộ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer was not the provincial system (a Wi-Fi login page?)</source>
        <translation>Câu trả lời không phải từ hệ thống tỉnh (trang đăng nhập Wi-Fi?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The province did not confirm this item; it will be sent again</source>
        <translation>Hệ thống tỉnh chưa xác nhận mục này; sẽ gửi lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of the item is confirmed; the rest will be sent again</source>
        <translation>Một phần đã được xác nhận; phần còn lại sẽ gửi lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provincial system refused the request</source>
        <translation>Hệ thống tỉnh từ chối yêu cầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The province already has this dossier</source>
        <translation>Hệ thống tỉnh đã có hồ sơ này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The province does not have this dossier yet</source>
        <translation>Hệ thống tỉnh chưa có hồ sơ này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same item was sent with different content</source>
        <translation>Cùng một mục đã được gửi với nội dung khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>The province found the data invalid</source>
        <translation>Hệ thống tỉnh báo dữ liệu không hợp lệ</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The province reports a conflict with its data</source>
        <translation>Hệ thống tỉnh báo xung đột với dữ liệu của tỉnh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A scanned file of this dossier is missing on this station</source>
        <translation>Một tệp số hóa của hồ sơ này bị thiếu trên máy này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scanned file of this dossier is damaged on this station</source>
        <translation>Một tệp số hóa của hồ sơ này bị hỏng trên máy này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file arrived damaged at the province; it will be sent again</source>
        <translation>Tệp đến hệ thống tỉnh bị lỗi; sẽ gửi lại</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the province (code %1)</source>
        <translation>Bị hệ thống tỉnh từ chối (mã %1)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Sync: sending %n</source>
        <translation>
            <numerusform>Đồng bộ: đang gửi %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sync not set up · %n waiting</source>
        <translation>
            <numerusform>Chưa cấu hình đồng bộ · %n đang chờ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n item(s) need attention</source>
        <translation>
            <numerusform>%n mục cần xử lý</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Offline · %n waiting to be sent</source>
        <translation>
            <numerusform>Ngoại tuyến · %n mục chờ gửi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n mục chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced</source>
        <translation>Đã đồng bộ</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Station clock differs from the province&apos;s by %n minute(s)</source>
        <translation>
            <numerusform>Đồng hồ máy lệch %n phút so với hệ thống tỉnh</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent to the province</source>
        <translation>Đã gửi lên tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent to the province</source>
        <translation>Đang chờ gửi lên tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync needs attention (see the sync window)</source>
        <translation>Đồng bộ cần xử lý (xem cửa sổ đồng bộ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to send</source>
        <translation>Không có gì để gửi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>files %1/%2 confirmed</source>
        <translation>tệp đã xác nhận %1/%2</translation>
    </message>
</context>
<context>
    <name>SyncWindow</name>
    <message>
        <location filename="../../ui/sync/window.py" line="+33"/>
        <source>Needs attention</source>
        <translation>Cần xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sync with the province</source>
        <translation>Đồng bộ với hệ thống tỉnh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not sent yet (all)</source>
        <translation>Chưa gửi (tất cả)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+104"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+104"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+104"/>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location line="-103"/>
        <location line="+103"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="-103"/>
        <location line="+104"/>
        <source>Tries</source>
        <translation>Số lần gửi</translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+104"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Send again (Ctrl+R)</source>
        <translation>Gửi lại (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send all again</source>
        <translation>Gửi lại tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now (F9)</source>
        <translation>Đồng bộ ngay (F9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts…</source>
        <translation>Xung đột…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Waiting %1 · needs attention %2 · sent %3</source>
        <translation>Chờ gửi %1 · cần xử lý %2 · đã gửi %3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export sync items</source>
        <translation>Xuất danh sách đồng bộ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created</source>
        <translation>Thời điểm tạo</translation>
    </message>
</context>
</TS>
