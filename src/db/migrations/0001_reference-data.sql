-- The 22 local authorities of Wales (DOMAIN.md section 10): fixed reference data.
INSERT INTO "local_authorities" ("code", "name_en", "name_cy") VALUES
('660', 'Isle of Anglesey', 'Ynys Môn'),
('661', 'Gwynedd', 'Gwynedd'),
('662', 'Conwy', 'Conwy'),
('663', 'Denbighshire', 'Sir Ddinbych'),
('664', 'Flintshire', 'Sir y Fflint'),
('665', 'Wrexham', 'Wrecsam'),
('666', 'Powys', 'Powys'),
('667', 'Ceredigion', 'Ceredigion'),
('668', 'Pembrokeshire', 'Sir Benfro'),
('669', 'Carmarthenshire', 'Sir Gaerfyrddin'),
('670', 'Swansea', 'Abertawe'),
('671', 'Neath Port Talbot', 'Castell-nedd Port Talbot'),
('672', 'Bridgend', 'Pen-y-bont ar Ogwr'),
('673', 'Vale of Glamorgan', 'Bro Morgannwg'),
('674', 'Rhondda Cynon Taf', 'Rhondda Cynon Taf'),
('675', 'Merthyr Tydfil', 'Merthyr Tudful'),
('676', 'Caerphilly', 'Caerffili'),
('677', 'Blaenau Gwent', 'Blaenau Gwent'),
('678', 'Torfaen', 'Tor-faen'),
('679', 'Monmouthshire', 'Sir Fynwy'),
('680', 'Newport', 'Casnewydd'),
('681', 'Cardiff', 'Caerdydd');
--> statement-breakpoint
-- The audit log is append-only: refuse updates and deletes at the database. The hash chain
-- (npm run audit:verify) still detects tampering by anyone who removes this trigger.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE FUNCTION audit_log_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();
