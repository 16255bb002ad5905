<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CounterTile</name>
    <message>
        <location filename="../../ui/display/window.py" line="+76"/>
        <location line="+17"/>
        <source>Counter %1</source>
        <translation>Quầy %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paused</source>
        <translation>Tạm dừng</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location line="+124"/>
        <source>Queue display</source>
        <translation>Bảng hiển thị số thứ tự</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Connection lost — reconnecting…</source>
        <extracomment>full screen at the center (``run_display``): closing needs a technician&apos;s sign-in</extracomment>
        <translation>Mất kết nối — đang kết nối lại…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recently called</source>
        <translation>Số vừa gọi</translation>
    </message>
    <message numerus="yes">
        <location line="+181"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n người đang chờ</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sound is switched off (MOTCUA_MUTE): calls are not announced</source>
        <translation>Âm thanh đang tắt (MOTCUA_MUTE): không đọc số gọi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No audio output: calls are not announced</source>
        <translation>Không có đầu ra âm thanh: không đọc số gọi</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1  →  Counter %2 (called again)</source>
        <translation>%1  →  Quầy %2 (gọi lại)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  →  Counter %2</source>
        <translation>%1  →  Quầy %2</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <location filename="../../ui/kiosk/controller.py" line="+39"/>
        <source>Your dossier has been received and is being processed</source>
        <translation>Hồ sơ của bạn đã được tiếp nhận và đang được xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your dossier is being processed</source>
        <translation>Hồ sơ của bạn đang được xử lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your dossier is being processed at %1</source>
        <translation>Hồ sơ của bạn đang được xử lý tại %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your dossier needs more papers. Please bring the missing papers to the reception counter</source>
        <translation>Hồ sơ của bạn cần bổ sung giấy tờ. Vui lòng mang giấy tờ còn thiếu đến quầy tiếp nhận</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your dossier is waiting for the fees to be paid. Please come to the counter to pay them</source>
        <translation>Hồ sơ của bạn đang chờ nộp phí, lệ phí. Vui lòng đến quầy để nộp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The result of your dossier is ready. Please come to the result counter to collect it</source>
        <translation>Hồ sơ của bạn đã có kết quả. Mời bạn đến quầy trả kết quả để nhận</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The result of your dossier has been handed over</source>
        <translation>Kết quả hồ sơ của bạn đã được trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result of your dossier was handed over on %1</source>
        <translation>Kết quả hồ sơ của bạn đã được trả ngày %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your dossier cannot be settled. Please come to the counter to receive the written explanation</source>
        <translation>Hồ sơ của bạn không đủ điều kiện giải quyết. Mời bạn đến quầy để nhận văn bản giải thích lý do</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The dossier was withdrawn at your request</source>
        <translation>Hồ sơ đã được rút theo đề nghị của bạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing of the dossier was stopped at your request</source>
        <translation>Hồ sơ đã dừng giải quyết theo đề nghị của bạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This dossier was cancelled. Please ask at the reception counter</source>
        <translation>Hồ sơ này đã bị hủy. Vui lòng hỏi cán bộ tại quầy tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, result due on %2</source>
        <translation>%1, hẹn trả %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier is later than promised; we apologise. Please ask at the counter for the new date</source>
        <translation>Hồ sơ đang chậm so với ngày hẹn, chúng tôi thành thật xin lỗi. Vui lòng hỏi cán bộ tại quầy về ngày trả mới</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No dossier was found for this code. Please check the appointment slip or ask an officer</source>
        <translation>Không tìm thấy hồ sơ theo mã vừa quét. Vui lòng kiểm tra lại phiếu hẹn hoặc hỏi cán bộ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The look-up is not available right now. Please ask an officer</source>
        <translation>Hiện chưa tra cứu được. Vui lòng hỏi cán bộ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ticket printer is out of paper — please remember your number</source>
        <translation>Máy in vé đang hết giấy — vui lòng ghi nhớ số của bạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ticket printer is not working — please remember your number</source>
        <translation>Máy in vé đang không hoạt động — vui lòng ghi nhớ số của bạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ticket printer is open — please remember your number</source>
        <translation>Máy in vé đang mở nắp — vui lòng ghi nhớ số của bạn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ticket could not be printed — please remember your number</source>
        <translation>Không in được vé — vui lòng ghi nhớ số của bạn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ticket %1 has been rated already: each visit is rated once. Thank you</source>
        <translation>Số thứ tự %1 đã được đánh giá: mỗi lượt phục vụ chỉ đánh giá một lần. Xin cảm ơn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No ticket %1 was given today. Please check the number on your ticket</source>
        <translation>Hôm nay không có số thứ tự %1. Xin kiểm tra lại số in trên phiếu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ticket %1 has not been served yet. Please rate after your visit</source>
        <translation>Số thứ tự %1 chưa được phục vụ. Xin đánh giá sau khi làm xong thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please type the number printed on your ticket, e.g. A012</source>
        <translation>Xin nhập số thứ tự in trên phiếu, ví dụ A012</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rating is not available right now. Please ask an officer</source>
        <translation>Hiện chưa đánh giá được. Xin hỏi cán bộ hướng dẫn</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Priority: %1</source>
        <translation>Ưu tiên: %1</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/window.py" line="+109"/>
        <source>Take a number</source>
        <translation>Lấy số thứ tự</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Please choose a service</source>
        <translation>Xin mời chọn dịch vụ</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+60"/>
        <source>Look up my dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Rate our service</source>
        <translation>Đánh giá sự hài lòng</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Do you belong to a priority group?</source>
        <translation>Bạn có thuộc đối tượng ưu tiên không?</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+52"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Print ticket</source>
        <translation>In vé</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your number</source>
        <translation>Số thứ tự của bạn</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hold the barcode or QR code of your appointment slip under the scanner, or type the dossier code</source>
        <translation>Đưa mã vạch hoặc mã QR trên phiếu hẹn vào máy quét, hoặc nhập mã hồ sơ</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+7"/>
        <source>The kiosk is not ready. Please ask an officer for a number</source>
        <translation>Máy lấy số chưa sẵn sàng. Vui lòng nhờ cán bộ lấy số giúp</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No priority</source>
        <translation>Không ưu tiên</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No number could be given. Please try again or ask an officer</source>
        <translation>Chưa lấy được số. Vui lòng thử lại hoặc hỏi cán bộ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Priority: %1</source>
        <translation>Ưu tiên: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n people are waiting before you</source>
        <translation>
            <numerusform>Có %n người đang chờ trước bạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Estimated wait: about %n minutes</source>
        <translation>
            <numerusform>Thời gian chờ dự kiến: khoảng %n phút</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is waiting before you</source>
        <translation>Không có ai đang chờ trước bạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You will be called soon</source>
        <translation>Bạn sẽ được gọi ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing your ticket…</source>
        <translation>Đang in vé…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please take your ticket</source>
        <translation>Mời bạn nhận vé</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/queue/panel.py" line="+110"/>
        <source>Pause the counter</source>
        <translation>Tạm dừng quầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Break</source>
        <translation>Nghỉ giải lao</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meeting</source>
        <translation>Họp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Helping another counter</source>
        <translation>Hỗ trợ quầy khác</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Technical problem</source>
        <translation>Sự cố kỹ thuật</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location line="+57"/>
        <source>Counter %1</source>
        <translation>Quầy %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+83"/>
        <source>No ticket being served</source>
        <translation>Chưa phục vụ số nào</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Call next (F2)</source>
        <translation>Gọi số tiếp (F2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call again (F3)</source>
        <translation>Gọi lại (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip (F4)</source>
        <translation>Bỏ qua (F4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer…</source>
        <translation>Chuyển…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>Pause…</source>
        <translation>Tạm dừng…</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Bring back…</source>
        <translation>Đưa số trở lại…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put a skipped ticket back in its place</source>
        <translation>Đưa số đã bỏ qua trở lại đúng chỗ cũ trong hàng</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 · priority: %2</source>
        <translation>%1 · ưu tiên: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · called %2 times</source>
        <translation>%1 · đã gọi %2 lần</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This counter is not set up in the queue</source>
        <translation>Quầy này chưa được thiết lập trong hệ thống xếp hàng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: %1</source>
        <translation>Tạm dừng: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Đang tiếp nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 priority)</source>
        <translation>%1 (%2 ưu tiên)</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Nobody is waiting. %1 is still being served here</source>
        <translation>Không còn ai đang chờ. Vẫn đang phục vụ số %1 tại quầy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is waiting</source>
        <translation>Không còn ai đang chờ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Called %1</source>
        <translation>Đã gọi %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Called %1 again</source>
        <translation>Đã gọi lại %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skipped %1</source>
        <translation>Đã bỏ qua %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finished %1</source>
        <translation>Đã xong %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transferred %1</source>
        <translation>Đã chuyển %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Counter paused</source>
        <translation>Quầy đã tạm dừng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counter open again</source>
        <translation>Quầy tiếp tục làm việc</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is waiting again in its place</source>
        <translation>%1 đã trở lại hàng chờ đúng chỗ cũ</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Bring back a skipped ticket</source>
        <translation>Đưa số đã bỏ qua trở lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket number:</source>
        <translation>Số thứ tự:</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <location filename="../../ui/kiosk/rating.py" line="+28"/>
        <location line="+5"/>
        <source>Very satisfied</source>
        <extracomment>(score, level code, words, colour) per scale, best first.</extracomment>
        <translation>Rất hài lòng</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+6"/>
        <source>Not satisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Neither satisfied nor dissatisfied</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not satisfied at all</source>
        <translation>Rất không hài lòng</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Rate our service</source>
        <translation>Đánh giá sự hài lòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the number on your ticket, or hold the ticket&apos;s QR code under the scanner</source>
        <translation>Nhập số thứ tự trên phiếu, hoặc đưa mã QR của phiếu vào máy quét</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+16"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>How satisfied are you with the service?</source>
        <translation>Ông/bà có hài lòng với sự phục vụ không?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket %1 · counter %2</source>
        <translation>Số thứ tự %1 · quầy %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Thank you! You rated: %1</source>
        <translation>Xin cảm ơn ông/bà! Ông/bà đã đánh giá: %1</translation>
    </message>
</context>
<context>
    <name>TouchKeypad</name>
    <message>
        <location filename="../../ui/kiosk/keypad.py" line="+39"/>
        <source>Delete the last character</source>
        <translation>Xóa ký tự cuối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Xóa hết</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look up</source>
        <translation>Tra cứu</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/queue/panel.py" line="-437"/>
        <source>Transfer the ticket</source>
        <translation>Chuyển số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To another service</source>
        <translation>Sang dịch vụ khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To another counter</source>
        <translation>Sang quầy khác</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Counter %1</source>
        <translation>Quầy %1</translation>
    </message>
</context>
</TS>
