import { DataSource } from 'typeorm';
import { ExternalBody, ResolutionKind, ResolutionLevel } from '@app/domain';

/**
 * Demo registry entries from the source reports: the central documents the demo programmes implement,
 * Hậu Giang's resolution and projects on human resources and cadres (2022–2023) and Lào Cai's
 * commodity-agriculture resolution (2021), each with its field group and member in charge. Numbers,
 * bodies and dates are the reported ones; titles are worded briefly.
 */
export const DEMO_RESOLUTIONS: Array<{
  id: string;
  kind: ResolutionKind;
  number: string;
  issuingUnitId: string | null;
  externalBody: ExternalBody | null;
  level: ResolutionLevel;
  signedOn: string;
  title: string;
  fieldGroup: string;
  memberInChargeId: string | null;
  implementsId: string | null;
}> = [
  {
    id: 'tw-ct-05-2016',
    kind: ResolutionKind.DIRECTIVE,
    number: '05-CT/TW',
    issuingUnitId: null,
    externalBody: ExternalBody.POLITBURO,
    level: ResolutionLevel.CENTRAL,
    signedOn: '2016-05-15',
    title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    fieldGroup: 'party-building',
    memberInChargeId: null,
    implementsId: null,
  },
  {
    id: 'tw-kl-01-2021',
    kind: ResolutionKind.CONCLUSION,
    number: '01-KL/TW',
    issuingUnitId: null,
    externalBody: ExternalBody.POLITBURO,
    level: ResolutionLevel.CENTRAL,
    signedOn: '2021-05-18',
    title: 'Về tiếp tục thực hiện Chỉ thị 05-CT/TW',
    fieldGroup: 'party-building',
    memberInChargeId: null,
    implementsId: 'tw-ct-05-2016',
  },
  {
    id: 'tw-nq-13-2022',
    kind: ResolutionKind.RESOLUTION,
    number: '13-NQ/TW',
    issuingUnitId: null,
    externalBody: ExternalBody.POLITBURO,
    level: ResolutionLevel.CENTRAL,
    signedOn: '2022-04-02',
    title:
      'Về phát triển kinh tế - xã hội, quốc phòng, an ninh vùng Đồng bằng sông Cửu Long đến năm 2030, tầm nhìn 2045',
    fieldGroup: 'economy',
    memberInChargeId: null,
    implementsId: null,
  },
  {
    id: 'hg-nq-05-2022',
    kind: ResolutionKind.RESOLUTION,
    number: '05-NQ/TU',
    issuingUnitId: 'hg-tu',
    externalBody: null,
    level: ResolutionLevel.PROVINCIAL,
    signedOn: '2022-06-01',
    title: 'Về phát triển nguồn nhân lực tỉnh Hậu Giang giai đoạn 2021-2025, tầm nhìn đến năm 2030',
    fieldGroup: 'party-building',
    memberInChargeId: 'hg-tv1',
    implementsId: null,
  },
  {
    id: 'hg-da-05-2022',
    kind: ResolutionKind.PROJECT,
    number: '05-ĐA/TU',
    issuingUnitId: 'hg-tu',
    externalBody: null,
    level: ResolutionLevel.PROVINCIAL,
    signedOn: '2022-06-01',
    title: 'Nâng cao chất lượng đội ngũ cán bộ, nhất là cán bộ chủ chốt các cấp',
    fieldGroup: 'party-building',
    memberInChargeId: 'hg-tv1',
    implementsId: 'hg-nq-05-2022',
  },
  {
    id: 'hg-da-06-2023',
    kind: ResolutionKind.PROJECT,
    number: '06-ĐA/TU',
    issuingUnitId: 'hg-tu',
    externalBody: null,
    level: ResolutionLevel.PROVINCIAL,
    signedOn: '2023-05-01',
    title: 'Thí điểm đổi mới tinh giản biên chế gắn với tuyển dụng cán bộ trẻ ngang tầm nhiệm vụ',
    fieldGroup: 'party-building',
    memberInChargeId: 'hg-pbt',
    implementsId: 'hg-nq-05-2022',
  },
  {
    id: 'lc-nq-10-2021',
    kind: ResolutionKind.RESOLUTION,
    number: '10-NQ/TU',
    issuingUnitId: 'lc-tu',
    externalBody: null,
    level: ResolutionLevel.PROVINCIAL,
    signedOn: '2021-08-26',
    title: 'Về chiến lược phát triển nông nghiệp hàng hóa tỉnh Lào Cai đến năm 2030, tầm nhìn đến năm 2050',
    fieldGroup: 'agriculture',
    memberInChargeId: 'lc-snn-gd',
    implementsId: null,
  },
];

/**
 * Inserts the demo registry entries (higher ones first); an entry already there, by id or by number
 * for its issuer, is left as it is. Never in production (the caller refuses first).
 */
export async function seedResolutions(ds: DataSource): Promise<number> {
  let added = 0;
  await ds.transaction(async (tx) => {
    for (const r of DEMO_RESOLUTIONS) {
      const rows: unknown[] = await tx.query(
        `INSERT INTO resolution (id, kind, number, issuing_unit_id, external_body, level, signed_on, title, field_group,
           member_in_charge_id, implements_id, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'admin') ON CONFLICT DO NOTHING RETURNING id`,
        [
          r.id,
          r.kind,
          r.number,
          r.issuingUnitId,
          r.externalBody,
          r.level,
          r.signedOn,
          r.title,
          r.fieldGroup,
          r.memberInChargeId,
          r.implementsId,
        ],
      );
      added += rows.length;
    }
  });
  return added;
}
