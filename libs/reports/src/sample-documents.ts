import type { IssuedProgrammeData } from './issued-programme.document';
import type { ReviewReportData } from './review-report.document';

/** Documents with every section filled in, for the tests of their layout and language. */
export function sampleReviewReport(kind: 'YEARLY' | 'FINAL' = 'YEARLY'): ReviewReportData {
  return {
    committeeName: 'Tỉnh ủy Hậu Giang',
    documentNumber: '3-BC/TU',
    place: 'Hậu Giang',
    issuedOn: new Date('2026-12-20T03:00:00Z'),
    programme: { title: 'Phát triển kinh tế số', documentNumber: '12-CTr/TU', implementsResolution: '05-NQ/TU' },
    review: {
      seq: 3,
      kind,
      kindLabel: kind === 'FINAL' ? 'Tổng kết' : 'Sơ kết năm',
      periodLabel: '2026',
      opensAt: '2026-12-01T00:00:00.000Z',
      closesAt: '2026-12-20T00:00:00.000Z',
    },
    targets: [
      { code: 'C1', name: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', goal: '≥ 80', value: '85', achievement: 'EXCEEDED' },
      {
        code: 'C2',
        name: 'Kim ngạch xuất khẩu',
        unit: 'triệu USD',
        goal: '≥ 900',
        value: '700',
        achievement: 'NOT_ACHIEVED',
      },
      {
        code: 'C3',
        name: 'Số doanh nghiệp số',
        unit: 'doanh nghiệp',
        goal: '≥ 50',
        value: null,
        achievement: 'NO_DATA',
      },
    ],
    estimateShares: [
      {
        code: 'C2',
        name: 'Kim ngạch xuất khẩu',
        unit: 'triệu USD',
        value: '700',
        estimate: '900',
        sharePercent: '77.8',
      },
    ],
    summary: { achievedOrExceeded: 1, total: 3 },
    buckets: { DONE_ON_TIME: 4, DONE_LATE: 1, OPEN_WITHIN_DEADLINE: 2, OPEN_OVERDUE: 1, total: 8 },
    unitReports: [{ unitName: 'Sở Công Thương', text: 'Hoàn thành sàn thương mại điện tử của tỉnh.' }],
    low: [{ code: 'C2', name: 'Kim ngạch xuất khẩu', value: '700', goal: '≥ 900 triệu USD' }],
    causes: ['Thị trường xuất khẩu thu hẹp'],
    lessons: ['Người đứng đầu trực tiếp chỉ đạo'],
    nextTasks: [{ title: 'Số hóa hồ sơ đất đai', unitName: 'Sở Tài nguyên và Môi trường', dueOn: '30/06/2027' }],
    evaluations:
      kind === 'FINAL' ? [{ subject: 'Sở Công Thương', rating: 'EXCELLENT', comment: 'Về đích trước hạn' }] : [],
    commendations: [{ subject: 'Sở Công Thương', text: 'Mô hình chợ số được nhân rộng' }],
  };
}

export function sampleIssuedProgramme(): IssuedProgrammeData {
  return {
    committeeName: 'Tỉnh ủy Hậu Giang',
    place: 'Hậu Giang',
    documentNumber: '12-CTr/TU',
    issuedOn: new Date('2026-03-05T02:00:00Z'),
    title: 'Phát triển kinh tế số',
    implementsResolution: '05-NQ/TU',
    term: '2025-2030',
    targets: [
      { code: 'C1', name: 'Tỷ lệ hồ sơ trực tuyến', baseline: '40', goal: '≥ 80 %', responsibleUnit: 'Sở Nội vụ' },
      {
        code: 'C2',
        name: 'Kim ngạch xuất khẩu',
        baseline: null,
        goal: '≥ 900 triệu USD',
        responsibleUnit: 'Sở Công Thương',
      },
    ],
    tasks: [
      {
        code: 'NV1',
        title: 'Xây dựng sàn thương mại điện tử của tỉnh',
        responsibleUnit: 'Sở Công Thương',
        coordinatingUnits: ['Sở Thông tin và Truyền thông', 'Sở Tài chính'],
        dueOn: '31/12/2026',
      },
      {
        code: 'NV2',
        title: 'Số hóa hồ sơ đất đai',
        responsibleUnit: 'Sở Tài nguyên và Môi trường',
        coordinatingUnits: [],
        dueOn: '30/06/2027',
      },
    ],
    solutions: ['Đẩy mạnh cải cách thủ tục hành chính'],
    resources: ['Ngân sách tỉnh'],
  };
}
