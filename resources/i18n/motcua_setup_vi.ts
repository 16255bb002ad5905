<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/setup/pages.py" line="+505"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account that creates the officers&apos; accounts. Keep the password safe.</source>
        <translation>Tài khoản tạo tài khoản cho cán bộ. Hãy giữ kín mật khẩu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sign-in name:</source>
        <translation>Tên đăng &amp;nhập:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Repeat the password:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a sign-in name.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password needs at least 8 characters.</source>
        <translation>Mật khẩu cần ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>CenterPage</name>
    <message>
        <location line="-264"/>
        <source>The center</source>
        <translation>Trung tâm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed on tickets, receipts and notices.</source>
        <translation>In trên phiếu số thứ tự, giấy tiếp nhận và thông báo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Center &amp;name:</source>
        <translation>&amp;Tên trung tâm:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Governing body:</source>
        <translation>Cơ quan &amp;chủ quản:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Phone:</source>
        <translation>Điện t&amp;hoại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;gency identifier:</source>
        <translation>&amp;Mã định danh cơ quan:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter the center&apos;s name.</source>
        <translation>Hãy nhập tên trung tâm.</translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <location line="+92"/>
        <source>Counters and their services</source>
        <translation>Quầy và dịch vụ của quầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type in the tables (F2 edits a cell); Ctrl+N adds a row to the table in use.</source>
        <translation>Gõ trực tiếp vào bảng (F2 để sửa ô); Ctrl+N thêm một dòng vào bảng đang chọn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Dịch vụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Services (codes)</source>
        <translation>Dịch vụ (mã)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Services of the queue:</source>
        <translation>&amp;Dịch vụ xếp hàng:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;ounters:</source>
        <translation>Các q&amp;uầy:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a row</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Counter number &quot;%1&quot; must be a number from 1.</source>
        <translation>Số quầy &quot;%1&quot; phải là số từ 1 trở lên.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No service has the code %1.</source>
        <translation>Không có dịch vụ mang mã %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every service needs a code and a name.</source>
        <translation>Mỗi dịch vụ cần có mã và tên.</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location line="-355"/>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the center&apos;s dossiers and queue are kept.</source>
        <translation>Nơi lưu hồ sơ và hàng đợi của trung tâm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;This computer only (one counter, or a test)</source>
        <translation>&amp;Chỉ máy tính này (một quầy, hoặc dùng thử)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The center&apos;s &amp;PostgreSQL server (several computers)</source>
        <translation>Máy chủ &amp;PostgreSQL của trung tâm (nhiều máy tính)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Server:</source>
        <translation>Máy &amp;chủ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;ort:</source>
        <translation>Cổn&amp;g:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data&amp;base name:</source>
        <translation>&amp;Tên cơ sở dữ liệu:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;User:</source>
        <translation>&amp;Người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>T&amp;est the connection</source>
        <translation>&amp;Kiểm tra kết nối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upgrade the database</source>
        <translation>&amp;Nâng cấp cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>File: %1</source>
        <translation>Tệp: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connected. The database is empty: press Upgrade to create the tables.</source>
        <translation>Đã kết nối. Cơ sở dữ liệu còn trống: bấm Nâng cấp để tạo các bảng.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected. The database is at version %1, this program needs %2: press Upgrade.</source>
        <translation>Đã kết nối. Cơ sở dữ liệu ở phiên bản %1, chương trình cần %2: bấm Nâng cấp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected. The database is up to date (version %1).</source>
        <translation>Đã kết nối. Cơ sở dữ liệu đã cập nhật (phiên bản %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected, but the database belongs to a newer version of the program (%1): install that version.</source>
        <translation>Đã kết nối, nhưng cơ sở dữ liệu thuộc phiên bản mới hơn của chương trình (%1): hãy cài phiên bản đó.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/setup/devices_page.py" line="+33"/>
        <source>Receipt printer</source>
        <extracomment>the discovery behind &quot;Find devices&quot; (tests replace it)</extracomment>
        <translation>Máy in biên nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket printer (kiosk)</source>
        <translation>Máy in phiếu (ki-ốt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 printer</source>
        <translation>Máy in A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card reader</source>
        <translation>Đầu đọc căn cước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiosk button box</source>
        <translation>Bàn phím ki-ốt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter LED display</source>
        <translation>Bảng LED tại quầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating keypad</source>
        <translation>Bàn phím đánh giá</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sim:// is a simulated device. The technician&apos;s window tests each device later.</source>
        <translation>sim:// là thiết bị giả lập. Cửa sổ của kỹ thuật viên sẽ kiểm tra từng thiết bị sau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found</source>
        <translation>Tìm thấy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Devices of this computer:</source>
        <translation>&amp;Thiết bị của máy tính này:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find devices</source>
        <translation>Tìm thiết &amp;bị</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../ui/setup/wizard.py" line="+39"/>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Finish to save. Nothing is saved before.</source>
        <translation>Bấm Hoàn tất để lưu. Trước đó chưa có gì được lưu.</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <location filename="../../ui/setup/pages.py" line="-171"/>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
    <message>
        <location line="+269"/>
        <source>Working hours and hand-over rounds</source>
        <translation>Giờ làm việc và các đợt bàn giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due dates count only these hours; dossiers go to the departments at each round.</source>
        <translation>Hạn trả chỉ tính trong các giờ này; hồ sơ được chuyển cho phòng ban ở mỗi đợt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Morning:</source>
        <translation>&amp;Buổi sáng:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;fternoon:</source>
        <translation>Buổi &amp;chiều:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Working days:</source>
        <translation>Ngày làm việc:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hand-over rounds:</source>
        <translation>Các đợt &amp;bàn giao:</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location line="-307"/>
        <source>Reception counter</source>
        <translation>Quầy tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket kiosk</source>
        <translation>Ki-ốt lấy số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display board</source>
        <translation>Màn hình hiển thị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All in one (counter, kiosk and board on this PC)</source>
        <translation>Tất cả trong một (quầy, ki-ốt và màn hình trên máy này)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician&apos;s devices station</source>
        <translation>Máy quản lý thiết bị của kỹ thuật viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Director&apos;s reports</source>
        <translation>Báo cáo cho lãnh đạo</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>This computer&apos;s role</source>
        <translation>Vai trò của máy tính này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this computer is used for at the center.</source>
        <translation>Máy tính này dùng vào việc gì tại trung tâm.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Counter number:</source>
        <translation>&amp;Số quầy:</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup/__init__.py" line="+50"/>
        <source>Saved. The new settings apply from the next start of the program.</source>
        <translation>Đã lưu. Cài đặt mới có hiệu lực từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/wizard.py" line="+29"/>
        <source>Một cửa — set-up</source>
        <translation>Một cửa — cài đặt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Next &gt;</source>
        <translation>Tiếp &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the center&apos;s server</source>
        <translation>máy chủ của trung tâm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this computer</source>
        <translation>máy tính này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Center: %1</source>
        <translation>Trung tâm: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role: %1</source>
        <translation>Vai trò: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The center&apos;s settings are taken from its database.</source>
        <translation>Cài đặt của trung tâm được lấy từ cơ sở dữ liệu của trung tâm.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/setup/pages.py" line="+216"/>
        <source>Provincial dossier system</source>
        <translation>Hệ thống giải quyết thủ tục hành chính của tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty if the center does not send dossiers to the province yet.</source>
        <translation>Để trống nếu trung tâm chưa gửi hồ sơ lên tỉnh.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Address (URL):</source>
        <translation>Đị&amp;a chỉ (URL):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;User:</source>
        <translation>&amp;Người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is kept in the computer&apos;s protected store (keyring), never in a file.</source>
        <translation>Mật khẩu được giữ trong kho bảo mật của máy tính (keyring), không bao giờ ghi ra tệp.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The address starts with https://</source>
        <translation>Địa chỉ phải bắt đầu bằng https://</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location line="-424"/>
        <source>Setting up this computer</source>
        <translation>Cài đặt máy tính này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A few questions, once. Press Enter for the next page, Esc to stop.</source>
        <translation>Vài câu hỏi, chỉ một lần. Bấm Enter để sang trang sau, Esc để dừng.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This assistant connects the computer to the center&apos;s database, says what the computer is used for and, on the center&apos;s first computer, records the center&apos;s name, hours, counters and administrator. Everything can be changed later by running it again.</source>
        <translation>Trình hướng dẫn này nối máy tính với cơ sở dữ liệu của trung tâm, xác định máy dùng vào việc gì và, trên máy tính đầu tiên của trung tâm, ghi tên, giờ làm việc, các quầy và quản trị viên của trung tâm. Mọi thứ có thể sửa lại sau bằng cách chạy lại trình hướng dẫn.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Language of the screens:</source>
        <translation>&amp;Ngôn ngữ màn hình:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new language shows from the next start of the program.</source>
        <translation>Ngôn ngữ mới hiển thị từ lần mở chương trình sau.</translation>
    </message>
</context>
</TS>
