/** Word lists that generated records draw from. */

export const FIRST_NAMES = [
  'Joanna', 'Marcus', 'Dana', 'Luis', 'Priya', 'Tomasz', 'Keisha', 'Brian', 'Mei', 'Carlos',
  'Heather', 'Dmitri', 'Alejandra', 'Kevin', 'Fatima', 'Greg', 'Sofia', 'Nathan', 'Lupita', 'Owen',
  'Rachel', 'Jamal', 'Ingrid', 'Victor', 'Aisha', 'Derek', 'Yolanda', 'Sean', 'Hana', 'Ricardo',
] as const;

export const LAST_NAMES = [
  'Kowalski', 'Whitfield', 'Hernandez', 'Nguyen', 'VanderMolen', 'Patel', 'Okafor', 'Schultz',
  'Garcia', 'Brinks', 'DeVries', 'Martinez', 'Johnson', 'Kuipers', 'Reyes', 'Lindqvist', 'Ramirez',
  'Boersma', 'Chen', 'Dykstra', 'Flores', 'Meyer', 'Ortiz', 'Vos', 'Washington', 'Zeeuw',
] as const;

export const MIDDLE_INITIALS = ['A', 'B', 'C', 'D', 'E', 'J', 'K', 'L', 'M', 'R', 'S', 'T'] as const;

export const POSITIONS = [
  'CNC Operator', 'Machinist', 'Press Operator', 'Quality Technician', 'Maintenance Technician',
  'Material Handler', 'Shipping Clerk', 'Production Supervisor', 'Buyer', 'Tool and Die Maker',
  'Setup Technician', 'Manufacturing Engineer', 'Scheduler', 'Plant Manager', 'Inspector',
] as const;

export const DEPARTMENTS = [
  'Machining', 'Stamping', 'Assembly', 'Quality', 'Maintenance', 'Shipping', 'Receiving',
  'Engineering', 'Purchasing', 'Tool Room',
] as const;

export const SHIFTS = ['1st Shift', '2nd Shift', '3rd Shift', 'Weekend Shift'] as const;

export const COMPANY_WORDS = [
  'Great Lakes', 'Northern', 'Midwest', 'Precision', 'Allied', 'Summit', 'Keystone', 'Pioneer',
  'Superior', 'Heartland', 'Tri-County', 'Riverside', 'Lakeview', 'Frontier', 'Ironwood', 'Cascade',
  'Delta', 'Harbor', 'Patriot', 'Sterling',
] as const;

export const COMPANY_TRADES = [
  'Aluminum', 'Steel', 'Fastener', 'Tool', 'Plastics', 'Coatings', 'Packaging', 'Bearing',
  'Hydraulics', 'Castings', 'Forge', 'Wire', 'Abrasives', 'Freight', 'Logistics', 'Axle',
] as const;

export const COMPANY_SUFFIXES = ['Supply', 'Co.', 'Inc.', 'LLC', 'Corporation', 'Industries', 'Group'] as const;

export const PART_ADJECTIVES = [
  'Hydraulic', 'Steering', 'Front', 'Rear', 'Upper', 'Lower', 'Machined', 'Stamped', 'Welded',
  'Threaded', 'Mounting', 'Pivot', 'Support', 'Cross', 'Heat Shield', 'Transmission', 'Brake',
] as const;

export const PART_NOUNS = [
  'Bracket', 'Valve Body', 'Housing', 'Shaft', 'Bushing', 'Flange', 'Knuckle', 'Spacer', 'Plate',
  'Cover', 'Manifold', 'Clamp', 'Yoke', 'Hub', 'Sleeve', 'Arm', 'Fitting', 'Pin',
] as const;

export const MATERIALS = [
  '6061-T6 aluminum', '1018 steel', '4140 steel', '304 stainless', 'ductile iron', 'brass C360',
  'A380 die-cast aluminum', 'HSLA steel',
] as const;

export const FINISHES = ['clear anodized', 'zinc plated', 'black oxide', 'e-coated', 'powder coated', 'raw'] as const;

export const REVISIONS = ['A', 'B', 'C', 'D', 'E', 'F', '01', '02'] as const;

export const STREET_NAMES = [
  'Lakewood Blvd', 'Industrial Park Dr', 'Commerce Ave', 'River Ave', 'Chicago Dr', 'Washington Ave',
  'Ottawa Beach Rd', 'Fairview Rd', 'Adams St', 'Corporate Pkwy',
] as const;
