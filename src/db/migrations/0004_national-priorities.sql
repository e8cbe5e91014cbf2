-- National priorities from January 2025 (DOMAIN.md section 8): attendance, literacy and numeracy, supported by wellbeing.
INSERT INTO "national_priorities" ("code", "name_en", "name_cy", "supporting", "published_on") VALUES
('attendance', 'Attendance', 'Presenoldeb', false, '2025-01-01'),
('literacy', 'Literacy', 'Llythrennedd', false, '2025-01-01'),
('numeracy', 'Numeracy', 'Rhifedd', false, '2025-01-01'),
('wellbeing', 'Wellbeing', 'Llesiant', true, '2025-01-01');
